using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using CatchAll.Client.Tests.Support;
using CatchAll.Models;
using Microsoft.OpenApi;
using Xunit;

namespace CatchAll.Client.Tests.Json;

/// <summary>format: date-time is DateTimeOffset, format: uuid is Guid, and the service's offset-less timestamps are accepted.</summary>
public sealed class FormatTests
{
    [Fact]
    public void Every_date_time_and_uuid_member_of_the_spec_has_the_matching_clr_type()
    {
        var failures = new List<string>();
        var seen = 0;
        foreach (var (name, schema) in Spec.Document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            var type = Generated.ModelType(name);
            if (type is null || !type.IsClass)
            {
                continue;
            }

            foreach (var (propertyName, property) in Properties(schema))
            {
                var format = property.Format ?? property.Items?.Format;
                var expected = format switch
                {
                    "date-time" => typeof(DateTimeOffset),
                    "uuid" => typeof(Guid),
                    _ => null,
                };
                if (expected is null || Generated.JsonProperty(type, propertyName) is not { } clr)
                {
                    continue;
                }

                seen++;
                var actual = Generated.Unwrap(clr.PropertyType);
                actual = Generated.ItemType(actual) is { } item ? Generated.Unwrap(item) : actual;
                if (actual != expected)
                {
                    failures.Add($"{name}.{propertyName} ({format}) is {clr.PropertyType}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(seen >= 60, "Only " + seen + " date-time/uuid members found.");
    }

    [Fact]
    public void Every_uuid_parameter_of_the_spec_is_a_guid_argument()
    {
        var failures = new List<string>();
        foreach (var op in Spec.Operations())
        {
            var method = Generated.WithResponseMethod(op.OperationId);
            foreach (var parameter in op.Operation.Parameters ?? new List<IOpenApiParameter>())
            {
                if (parameter.Schema?.Format != "uuid")
                {
                    continue;
                }

                var argument = method?.GetParameters().FirstOrDefault(p => Generated.Pascal(parameter.Name!).Equals(p.Name, StringComparison.OrdinalIgnoreCase));
                if (argument is null || Generated.Unwrap(argument.ParameterType) != typeof(Guid))
                {
                    failures.Add($"{op.OperationId}({parameter.Name}) is {argument?.ParameterType.ToString() ?? "missing"}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("2025-01-01T10:00:00", "2025-01-01T10:00:00Z")]
    [InlineData("2026-04-08T15:21:36.026993", "2026-04-08T15:21:36.026993Z")]
    [InlineData("2026-02-17T14:01:05Z", "2026-02-17T14:01:05Z")]
    [InlineData("2026-02-17T14:01:05+02:00", "2026-02-17T12:01:05Z")]
    [InlineData("2026-02-17T14:01:05.123456+00:00", "2026-02-17T14:01:05.123456Z")]
    [InlineData("2026-02-17T14:01:05+00:00", "2026-02-17T14:01:05Z")]
    [InlineData("2026-02-17T14:01:05.1234567-05:30", "2026-02-17T19:31:05.1234567Z")]
    public void Date_times_with_and_without_offset_are_read_as_the_right_instant(string wire, string utc)
    {
        var citation = Generated.Read<Citation>($$"""{"title":"t","link":"https://x.example/a","published_date":"{{wire}}"}""");

        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), citation.PublishedDate);
    }

    [Fact]
    public void Offset_less_timestamps_of_entities_and_datasets_are_accepted()
    {
        var entity = Generated.Read<EntityResponse>(
            """{"id":"854198fa-f702-49db-a381-0427fa87f173","entity_type":"company","organization_id":"e5d9e9b0-e415-4941-8ef0-916c5ee56207","name":"N","status":"ready","created_at":"2026-04-08T15:21:17.272139","updated_at":"2026-04-08T15:21:18"}""");
        var history = Generated.Read<DatasetStatusHistoryResponse>(
            """{"dataset_id":"ccabb755-afc2-4047-b84c-78d1f23d49b2","history":[{"status":"ready","created_at":"2026-04-08T15:21:55.000000"}]}""");

        Assert.Equal(new DateTimeOffset(2026, 4, 8, 15, 21, 17, TimeSpan.Zero).AddTicks(2721390), entity.CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 4, 8, 15, 21, 55, TimeSpan.Zero), history.History[0].CreatedAt);
    }

    [Fact]
    public void Date_times_are_written_in_iso_8601_keeping_the_offset()
    {
        var request = new SubmitRequest
        {
            Query = "q",
            StartDate = new DateTimeOffset(2026, 2, 18, 0, 0, 0, TimeSpan.Zero),
            EndDate = new DateTimeOffset(2026, 2, 23, 9, 30, 15, TimeSpan.FromHours(2)).AddTicks(1234567),
        };

        var json = System.Text.Json.Nodes.JsonNode.Parse(Generated.Write(request))!;

        var start = json["start_date"]!.GetValue<string>();
        var end = json["end_date"]!.GetValue<string>();
        Assert.Matches(@"^2026-02-18T00:00:00(Z|\+00:00)$", start);
        Assert.Equal("2026-02-23T09:30:15.1234567+02:00", end);
    }

    [Fact]
    public void Guids_are_written_lower_case_and_read_in_any_case()
    {
        var id = Guid.Parse("A1B2C3D4-E5F6-7890-ABCD-EF1234567890");

        Assert.Equal("""{"job_id":"a1b2c3d4-e5f6-7890-abcd-ef1234567890"}""", Generated.Write(new ContinueRequest { JobId = id }));
        Assert.Equal(id, Generated.Read<SubmitResponse>("""{"job_id":"A1B2C3D4-E5F6-7890-ABCD-EF1234567890"}""").JobId);
    }

    [Fact]
    public void A_guid_that_is_not_a_guid_is_rejected_naming_the_member()
    {
        var ex = Assert.ThrowsAny<System.Text.Json.JsonException>(() => Generated.Read<SubmitResponse>("""{"job_id":"org-uuid-here"}"""));

        Assert.Contains("job_id", ex.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<(string, IOpenApiSchema)> Properties(IOpenApiSchema schema)
    {
        foreach (var member in schema.AllOf ?? new List<IOpenApiSchema>())
        {
            foreach (var p in Properties(member))
            {
                yield return p;
            }
        }

        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            yield return (name, property);
            if (property is not OpenApiSchemaReference && property.Properties is { Count: > 0 })
            {
                // Inline objects (date_range, run_info) are generated as nested types; their members are checked there.
                continue;
            }
        }
    }
}
