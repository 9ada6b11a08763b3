using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace CatchAll.Client.Tests.Support;

/// <summary>One example of the spec with the generated type it must round-trip through.</summary>
internal sealed record SpecExample(string Location, Type Type, JsonNode Json)
{
    public override string ToString() => Location + " as " + Type.Name;
}

/// <summary>
/// Collects every example that belongs to a schema with a generated type: component schema examples,
/// property examples whose type (or item type) is generated, and request/response media examples.
/// Examples of plain scalars (a string query, an integer limit) have no generated type and are left out;
/// they are listed in <see cref="Unmapped"/> so nothing is dropped silently.
/// </summary>
internal sealed class SpecExamples
{
    private readonly Dictionary<string, SpecExample> _examples = new(StringComparer.Ordinal);
    private readonly HashSet<string> _walked = new(StringComparer.Ordinal);

    private SpecExamples()
    {
    }

    private static readonly Lazy<SpecExamples> Collected = new(Collect);

    public static SpecExamples All => Collected.Value;

    public IReadOnlyList<SpecExample> Examples => _examples.Values.OrderBy(e => e.Location, StringComparer.Ordinal).ToList();

    /// <summary>Examples that were found but have no generated type, with why.</summary>
    public List<string> Unmapped { get; } = new();

    /// <summary>Spec properties the generated type has no [JsonPropertyName] for; each is a generator gap.</summary>
    public List<string> MissingProperties { get; } = new();

    private static SpecExamples Collect()
    {
        var c = new SpecExamples();
        var doc = Spec.Document;

        foreach (var (name, schema) in doc.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            var type = Generated.ModelType(name);
            var location = "components.schemas." + name;
            if (type is null)
            {
                if (SchemaExamples(schema).Any())
                {
                    c.Unmapped.Add(location + ".example (no generated type: a plain " + schema.Type + ")");
                }

                continue;
            }

            c.AddSchemaExamples(location, type, schema);
            c.Walk(schema, type, location);
        }

        foreach (var op in Spec.Operations())
        {
            var opLocation = "paths." + op.PathTemplate + "." + op.Method.ToLowerInvariant();
            if (op.Operation.RequestBody is { } body)
            {
                var bodyLocation = body is OpenApiRequestBodyReference rb ? "components.requestBodies." + rb.Reference.Id : opLocation + ".requestBody";
                foreach (var (mediaType, media) in body.Content ?? new Dictionary<string, IOpenApiMediaType>())
                {
                    if (!mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    c.AddMedia(bodyLocation, media, Generated.RequestBodyType(op.OperationId));
                }
            }

            foreach (var (status, response) in op.Operation.Responses ?? new OpenApiResponses())
            {
                var responseLocation = response is OpenApiResponseReference rr ? "components.responses." + rr.Reference.Id : opLocation + ".responses." + status;
                foreach (var (mediaType, media) in response.Content ?? new Dictionary<string, IOpenApiMediaType>())
                {
                    if (!mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    // Only the success body of an operation is typed by its method; error bodies refer to components.
                    var inlineType = status.StartsWith('2') ? Generated.ResponseType(op.OperationId) : null;
                    c.AddMedia(responseLocation, media, inlineType);
                }
            }
        }

        return c;
    }

    private void AddMedia(string location, IOpenApiMediaType media, Type? inlineType)
    {
        var type = media.Schema is OpenApiSchemaReference r ? Generated.ModelType(r.Reference.Id!) : inlineType;
        if (type is null)
        {
            if (media.Example is not null || media.Examples?.Count > 0)
            {
                Unmapped.Add(location + " (media schema has no generated type)");
            }

            return;
        }

        AddExample(location + ".example", type, media.Example);
        foreach (var (name, example) in media.Examples ?? new Dictionary<string, IOpenApiExample>())
        {
            AddExample(location + ".examples." + name, type, example.Value);
        }

        if (media.Schema is not null and not OpenApiSchemaReference)
        {
            Walk(media.Schema, type, location + ".schema");
        }
    }

    /// <summary>A schema's `example` and each of its `examples` (OpenAPI 3.1 allows both).</summary>
    private static IEnumerable<(string Suffix, JsonNode Example)> SchemaExamples(IOpenApiSchema schema)
    {
#pragma warning disable CS0618 // `example` is what the spec uses; the reader still exposes it.
        if (schema.Example is { } single)
        {
            yield return (".example", single);
        }
#pragma warning restore CS0618

        var many = schema.Examples ?? new List<JsonNode>();
        for (var i = 0; i < many.Count; i++)
        {
            if (many[i] is { } node)
            {
                yield return ($".examples[{i}]", node);
            }
        }
    }

    private void AddSchemaExamples(string location, Type type, IOpenApiSchema schema)
    {
        foreach (var (suffix, example) in SchemaExamples(schema))
        {
            AddExample(location + suffix, type, example);
        }
    }

    private void AddExample(string location, Type type, JsonNode? example)
    {
        example = Clean(example);
        if (example is null)
        {
            return;
        }

        _examples.TryAdd(location + "|" + type.FullName, new SpecExample(location, type, example));
    }

    /// <summary>
    /// A deep copy in which the reader's stand-in for YAML <c>null</c> (a sentinel string) is a real JSON null again;
    /// left alone, <c>error: null</c> would reach the converters as a string.
    /// </summary>
    public static JsonNode? Clean(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    copy[key] = Clean(value);
                }

                return copy;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array)
                {
                    items.Add(Clean(item));
                }

                return items;
            default:
                if (JsonNullSentinel.IsJsonNullSentinel(node) || (node is JsonValue v && v.TryGetValue<string>(out var text) && text == NullSentinelText.Value))
                {
                    return null;
                }

                return JsonNode.Parse(node.ToJsonString());
        }
    }

    private static readonly Lazy<string?> NullSentinelText = new(() => JsonNullSentinel.JsonNull is JsonValue v && v.TryGetValue<string>(out var text) ? text : null);

    /// <summary>
    /// A union variant carries its discriminator as the read-only <c>Kind</c> rather than a settable property;
    /// that counts as bound only when Kind returns the single value the spec allows.
    /// </summary>
    private bool IsDiscriminatorOfVariant(Type type, string name, IOpenApiSchema propertySchema)
    {
        var kind = type.GetProperty("Kind");
        if (kind is null || propertySchema.Enum is not { Count: 1 } values)
        {
            return false;
        }

        var instance = System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(type);
        var actual = kind.GetValue(instance) as string;
        var expected = values[0]?.GetValue<string>();
        if (actual != expected)
        {
            MissingProperties.Add($"{type.Name}.Kind is '{actual}' but the spec's {name} allows only '{expected}'");
        }

        return true;
    }

    /// <summary>Visits the properties of an object schema (own and allOf members) bound to a generated type.</summary>
    private void Walk(IOpenApiSchema schema, Type type, string location)
    {
        if (!_walked.Add(location + "|" + type.FullName))
        {
            return;
        }

        foreach (var member in schema.AllOf ?? new List<IOpenApiSchema>())
        {
            var memberLocation = member is OpenApiSchemaReference mr ? "components.schemas." + mr.Reference.Id : location + ".allOf";
            Walk(member, type, memberLocation);
        }

        if (schema.Properties is null)
        {
            return;
        }

        // Enums, unions and the like have no properties of their own to bind.
        if (!type.IsClass || type.IsAbstract)
        {
            return;
        }

        foreach (var (name, propertySchema) in schema.Properties)
        {
            var propertyLocation = location + ".properties." + name;
            var clr = Generated.JsonProperty(type, name);
            if (clr is null && IsDiscriminatorOfVariant(type, name, propertySchema))
            {
                continue;
            }

            if (clr is null)
            {
                MissingProperties.Add(propertyLocation + " has no property on " + type.Name);
                continue;
            }

            var propertyType = Generated.Unwrap(clr.PropertyType);
            var itemType = Generated.ItemType(propertyType) is { } item ? Generated.Unwrap(item) : null;

            foreach (var (suffix, example) in SchemaExamples(propertySchema))
            {
                if (Generated.IsModel(propertyType))
                {
                    AddExample(propertyLocation + suffix, propertyType, example);
                }
                else if (itemType is not null && Generated.IsModel(itemType) && example is JsonArray items)
                {
                    for (var i = 0; i < items.Count; i++)
                    {
                        AddExample($"{propertyLocation}{suffix}[{i}]", itemType, items[i]);
                    }
                }
            }

            if (propertySchema is OpenApiSchemaReference)
            {
                continue;
            }

            if (Generated.IsModel(propertyType))
            {
                Walk(propertySchema, propertyType, propertyLocation);
            }
            else if (itemType is not null && Generated.IsModel(itemType) && propertySchema.Items is { } itemSchema and not OpenApiSchemaReference)
            {
                Walk(itemSchema, itemType, propertyLocation + ".items");
            }
        }
    }
}
