using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace CatchAll.Spec.Tests;

/// <summary>An operation with the method and path it is reached by.</summary>
internal sealed record OperationEntry(string Method, string Path, OpenApiOperation Operation);

/// <summary>
/// Flattens a parsed document into one line per contract fact (paths, operations, parameters, bodies,
/// responses, component schemas and their properties). Two documents describe the same contract exactly
/// when their fact sets are equal; descriptions, summaries and examples are left out on purpose.
/// </summary>
internal static class ContractFacts
{
    public static IEnumerable<OperationEntry> Operations(OpenApiDocument doc)
    {
        foreach (var path in doc.Paths)
        {
            foreach (var op in path.Value.Operations ?? [])
            {
                yield return new OperationEntry(op.Key.Method.ToUpperInvariant(), path.Key, op.Value);
            }
        }
    }

    public static SortedSet<string> Collect(OpenApiDocument doc)
    {
        var facts = new SortedSet<string>(StringComparer.Ordinal);

        foreach (var server in doc.Servers ?? [])
        {
            facts.Add("server " + server.Url);
        }

        foreach (var requirement in doc.Security ?? [])
        {
            facts.Add("security " + Security(requirement));
        }

        foreach (var tag in doc.Tags ?? new HashSet<OpenApiTag>())
        {
            facts.Add("tag " + tag.Name);
        }

        foreach (var entry in Operations(doc))
        {
            AddOperation(facts, entry);
        }

        var components = doc.Components;
        if (components is null)
        {
            return facts;
        }

        foreach (var schema in components.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            AddSchema(facts, "schema " + schema.Key, schema.Value);
        }

        foreach (var parameter in components.Parameters ?? new Dictionary<string, IOpenApiParameter>())
        {
            facts.Add("component parameter " + parameter.Key + " " + Parameter(parameter.Value));
        }

        foreach (var response in components.Responses ?? new Dictionary<string, IOpenApiResponse>())
        {
            AddResponse(facts, "component response " + response.Key, response.Value);
        }

        foreach (var scheme in components.SecuritySchemes ?? new Dictionary<string, IOpenApiSecurityScheme>())
        {
            var s = scheme.Value;
            facts.Add(Invariant($"component securityScheme {scheme.Key} type={s.Type} in={s.In} name={s.Name}"));
        }

        return facts;
    }

    private static void AddOperation(SortedSet<string> facts, OperationEntry entry)
    {
        var op = entry.Operation;
        var prefix = entry.Method + " " + entry.Path;
        var tags = string.Join(",", (op.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name).Order(StringComparer.Ordinal));
        facts.Add($"{prefix} operationId={op.OperationId} tags=[{tags}]");

        if (op.Security is not null)
        {
            facts.Add($"{prefix} security=[{string.Join(";", op.Security.Select(Security))}]");
        }

        foreach (var parameter in op.Parameters ?? [])
        {
            facts.Add($"{prefix} param {Parameter(parameter)}");
        }

        if (op.RequestBody is { } body)
        {
            facts.Add($"{prefix} body required={body.Required}{RefSuffix(body)}");
            foreach (var media in body.Content ?? new Dictionary<string, IOpenApiMediaType>())
            {
                AddMediaSchema(facts, $"{prefix} body {media.Key}", media.Value.Schema);
            }
        }

        foreach (var response in op.Responses ?? [])
        {
            AddResponse(facts, $"{prefix} response {response.Key}", response.Value);
        }
    }

    private static void AddResponse(SortedSet<string> facts, string prefix, IOpenApiResponse response)
    {
        facts.Add(prefix + RefSuffix(response));
        if (response is OpenApiResponseReference)
        {
            // A referenced response is described once, under its component name.
            return;
        }

        foreach (var media in response.Content ?? new Dictionary<string, IOpenApiMediaType>())
        {
            AddMediaSchema(facts, $"{prefix} {media.Key}", media.Value.Schema);
        }
    }

    private static void AddMediaSchema(SortedSet<string> facts, string prefix, IOpenApiSchema? schema)
    {
        if (schema is null)
        {
            facts.Add(prefix + " no-schema");
            return;
        }

        AddSchema(facts, prefix, schema);
    }

    /// <summary>One line for the schema itself, then one per property, recursing into inline sub-schemas.</summary>
    private static void AddSchema(SortedSet<string> facts, string path, IOpenApiSchema schema)
    {
        facts.Add(path + " " + Shape(schema));
        if (schema is OpenApiSchemaReference)
        {
            return;
        }

        foreach (var property in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            AddSchema(facts, path + "." + property.Key, property.Value);
        }

        AddMembers(facts, path, "allOf", schema.AllOf);
        AddMembers(facts, path, "oneOf", schema.OneOf);
        AddMembers(facts, path, "anyOf", schema.AnyOf);
        if (schema.Items is { } items and not OpenApiSchemaReference)
        {
            AddSchema(facts, path + "[]", items);
        }

        if (schema.AdditionalProperties is { } extra and not OpenApiSchemaReference)
        {
            AddSchema(facts, path + "{}", extra);
        }
    }

    private static void AddMembers(SortedSet<string> facts, string path, string keyword, IList<IOpenApiSchema>? members)
    {
        for (var i = 0; i < (members?.Count ?? 0); i++)
        {
            if (members![i] is not OpenApiSchemaReference)
            {
                AddSchema(facts, Invariant($"{path}/{keyword}[{i}]"), members[i]);
            }
        }
    }

    private static string Parameter(IOpenApiParameter parameter)
    {
        // Parameter schemas are compared after resolving $ref, as clients see the resolved type.
        var schema = parameter.Schema;
        var shape = schema switch
        {
            null => "no-schema",
            OpenApiSchemaReference r => "$ref:" + r.Reference.Id + "=" + Shape(r.Target ?? (IOpenApiSchema)r, resolved: true),
            _ => Shape(schema),
        };
        return $"{parameter.In} {parameter.Name} required={parameter.Required}{RefSuffix(parameter)} {shape}";
    }

    /// <summary>Every structural keyword of one schema level; nested property schemas get their own lines.</summary>
    public static string Shape(IOpenApiSchema schema, bool resolved = false)
    {
        if (schema is OpenApiSchemaReference reference && !resolved)
        {
            return "$ref:" + reference.Reference.Id;
        }

        var parts = new List<string>();
        if (schema.Type is { } type)
        {
            parts.Add("type=" + TypeName(type));
        }

        Add(parts, "format", schema.Format);
        if (schema.Enum is { Count: > 0 } values)
        {
            parts.Add("enum=[" + string.Join(",", values.Select(Json)) + "]");
        }

        if (schema.Default is not null)
        {
            parts.Add("default=" + Json(schema.Default));
        }

        Add(parts, "const", schema.Const);
        Add(parts, "minimum", Invariant($"{schema.Minimum}"));
        Add(parts, "maximum", Invariant($"{schema.Maximum}"));
        Add(parts, "exclusiveMinimum", Invariant($"{schema.ExclusiveMinimum}"));
        Add(parts, "exclusiveMaximum", Invariant($"{schema.ExclusiveMaximum}"));
        Add(parts, "minLength", Invariant($"{schema.MinLength}"));
        Add(parts, "maxLength", Invariant($"{schema.MaxLength}"));
        Add(parts, "pattern", schema.Pattern);
        Add(parts, "minItems", Invariant($"{schema.MinItems}"));
        Add(parts, "maxItems", Invariant($"{schema.MaxItems}"));
        if (schema.Items is { } items)
        {
            parts.Add("items=" + Shape(items));
        }

        AddList(parts, "allOf", schema.AllOf);
        AddList(parts, "oneOf", schema.OneOf);
        AddList(parts, "anyOf", schema.AnyOf);
        if (schema.Required is { Count: > 0 } required)
        {
            parts.Add("required=[" + string.Join(",", required.Order(StringComparer.Ordinal)) + "]");
        }

        if (schema.Properties is { Count: > 0 } properties)
        {
            parts.Add("properties=[" + string.Join(",", properties.Keys.Order(StringComparer.Ordinal)) + "]");
        }

        if (schema.AdditionalProperties is { } extra)
        {
            parts.Add("additionalProperties=" + Shape(extra));
        }
        else if (!schema.AdditionalPropertiesAllowed)
        {
            parts.Add("additionalProperties=false");
        }

        if (schema.Discriminator is { } discriminator)
        {
            var mapping = (discriminator.Mapping ?? new Dictionary<string, OpenApiSchemaReference>())
                .OrderBy(m => m.Key, StringComparer.Ordinal)
                .Select(m => m.Key + "->" + m.Value.Reference.Id);
            parts.Add($"discriminator={discriminator.PropertyName}{{{string.Join(",", mapping)}}}");
        }

        if (schema.Deprecated)
        {
            parts.Add("deprecated");
        }

        return "{" + string.Join(" ", parts) + "}";
    }

    private static string TypeName(JsonSchemaType type)
    {
        // Fixed order so that `type: [string, "null"]` and `type: ["null", string]` read the same.
        var names = new (JsonSchemaType Flag, string Name)[]
        {
            (JsonSchemaType.Null, "null"), (JsonSchemaType.Boolean, "boolean"), (JsonSchemaType.Integer, "integer"),
            (JsonSchemaType.Number, "number"), (JsonSchemaType.String, "string"), (JsonSchemaType.Object, "object"),
            (JsonSchemaType.Array, "array"),
        };
        return string.Join("|", names.Where(n => type.HasFlag(n.Flag)).Select(n => n.Name));
    }

    private static void AddList(List<string> parts, string keyword, IList<IOpenApiSchema>? members)
    {
        if (members is { Count: > 0 })
        {
            parts.Add(keyword + "=[" + string.Join(",", members.Select(m => Shape(m))) + "]");
        }
    }

    private static void Add(List<string> parts, string keyword, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parts.Add(keyword + "=" + value);
        }
    }

    private static string Json(JsonNode? node) =>
        node is null || JsonNullSentinel.IsJsonNullSentinel(node) ? "null" : node.ToJsonString();

    private static string Security(OpenApiSecurityRequirement requirement) =>
        string.Join(",", requirement
            .Select(r => r.Key.Reference.Id + "[" + string.Join(",", r.Value) + "]")
            .Order(StringComparer.Ordinal));

    private static string RefSuffix(object element) => element switch
    {
        OpenApiResponseReference r => " ref=" + r.Reference.Id,
        OpenApiParameterReference p => " ref=" + p.Reference.Id,
        OpenApiRequestBodyReference b => " ref=" + b.Reference.Id,
        _ => string.Empty,
    };

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
