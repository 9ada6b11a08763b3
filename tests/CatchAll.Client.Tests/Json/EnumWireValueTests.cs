using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using CatchAll.Client.Tests.Support;
using CatchAll.Models;
using Microsoft.OpenApi;
using Xunit;

namespace CatchAll.Client.Tests.Json;

/// <summary>Enums go on the wire as the spec's values ("base", "api_key"), never as C# member names or numbers.</summary>
public sealed class EnumWireValueTests
{
    [Fact]
    public void Submit_mode_and_validator_and_enrichment_types_are_written_as_wire_values()
    {
        var request = new SubmitRequest
        {
            Query = "q",
            Mode = Mode.Lite,
            Validators = [new ValidatorSchema { Name = "is_funding", Description = "d", Type = ValidatorSchemaType.Boolean }],
            Enrichments = [new EnrichmentSchema { Name = "amount", Description = "d", Type = EnrichmentType.Number }],
            EdAssociationType = EntityAssociationType.EventAssociated,
        };

        JsonSemantic.AssertEquivalent(
            """{"query":"q","mode":"lite","validators":[{"name":"is_funding","description":"d","type":"boolean"}],"enrichments":[{"name":"amount","description":"d","type":"number"}],"ed_association_type":"event_associated"}""",
            Generated.Write(request));
        Assert.Contains("\"mode\":\"base\"", Generated.Write(new SubmitRequest { Query = "q", Mode = Mode.Base }), StringComparison.Ordinal);
    }

    [Fact]
    public void Snake_case_and_upper_case_wire_values_are_kept_exactly()
    {
        Assert.Equal("\"per_record\"", Write(DeliveryMode.PerRecord));
        Assert.Equal("\"monitor_group\"", Write(MappableResourceType.MonitorGroup));
        Assert.Equal("\"PATCH\"", Write(CatchAll.Models.WebhookHttpMethod.Patch));
        Assert.Equal("\"SUCCESS\"", Write(DeliveryStatus.Success));
        Assert.Equal("\"needs_work\"", Write(QueryStatus.NeedsWork));
    }

    /// <summary>
    /// Every enum the spec declares (component enums and inline enums on properties) must offer exactly the spec's
    /// values as KnownValues, each written as itself and read back as a known, equal value.
    /// </summary>
    [Fact]
    public void Every_spec_enum_offers_exactly_its_wire_values()
    {
        var failures = new List<string>();
        var checkedEnums = 0;
        foreach (var (location, type, values) in SpecEnums())
        {
            checkedEnums++;
            var known = type.GetProperty("KnownValues", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as System.Collections.IEnumerable;
            if (known is null)
            {
                failures.Add($"{location}: {type.Name} has no KnownValues");
                continue;
            }

            var knownValues = known.Cast<object>().ToList();
            var wire = knownValues.Select(v => v.ToString()!).ToList();
            if (!wire.SequenceEqual(values))
            {
                failures.Add($"{location}: {type.Name} knows [{string.Join(", ", wire)}], spec says [{string.Join(", ", values)}]");
            }

            var info = Generated.TypeInfo(type);
            foreach (var value in knownValues)
            {
                var json = JsonSerializer.Serialize(value, info);
                var back = JsonSerializer.Deserialize(json, info);
                var isKnown = (bool)type.GetProperty("IsKnown")!.GetValue(back)!;
                if (json != JsonValue.Create(value.ToString())!.ToJsonString())
                {
                    failures.Add($"{location}: {value} is written as {json}");
                }

                if (!Equals(back, value) || !isKnown)
                {
                    failures.Add($"{location}: {json} reads back as {back} (known: {isKnown})");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(checkedEnums >= 25, "Only " + checkedEnums + " enums found in the spec walk.");
    }

    private static string Write<T>(T value) => JsonSerializer.Serialize(value, CatchAllClientJson.TypeInfo<T>());

    private static IEnumerable<(string Location, Type Type, IReadOnlyList<string> Values)> SpecEnums()
    {
        foreach (var (name, schema) in Spec.Document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            var type = Generated.ModelType(name);
            if (type is null)
            {
                continue;
            }

            if (schema.Enum is { Count: > 0 } values)
            {
                yield return ("components.schemas." + name, type, Texts(values));
            }

            foreach (var (propertyName, property) in AllProperties(schema))
            {
                if (property is OpenApiSchemaReference || property.Enum is not { Count: > 0 } propertyValues)
                {
                    continue;
                }

                var clr = Generated.JsonProperty(type, propertyName);
                if (clr is null)
                {
                    // Union discriminators are checked by the example walk (they map to Kind).
                    continue;
                }

                yield return ($"components.schemas.{name}.properties.{propertyName}", Generated.Unwrap(clr.PropertyType), Texts(propertyValues));
            }
        }
    }

    private static IEnumerable<(string, IOpenApiSchema)> AllProperties(IOpenApiSchema schema)
    {
        foreach (var member in schema.AllOf ?? new List<IOpenApiSchema>())
        {
            if (member is not OpenApiSchemaReference)
            {
                foreach (var p in AllProperties(member))
                {
                    yield return p;
                }
            }
        }

        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            yield return (name, property);
        }
    }

    /// <summary>The string values of an enum; a <c>null</c> member (nullable enums) is not a wire value of the type.</summary>
    private static IReadOnlyList<string> Texts(IList<JsonNode> values) =>
        values.Select(SpecExamples.Clean).OfType<JsonValue>().Select(v => v.GetValue<string>()).ToList();
}
