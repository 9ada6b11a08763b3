using System;
using System.Linq;
using CatchAll.Client.Tests.Support;
using CatchAll.Runtime;
using Microsoft.OpenApi;
using Xunit;

namespace CatchAll.Client.Tests.Http;

/// <summary>
/// The spec has no date-time or array query parameter today, so no generated method can show how those are
/// sent. These pin the runtime calls a generated method would make for them, and fail if the spec gains such a
/// parameter so that it gets a real HTTP case.
/// </summary>
public sealed class QueryEncodingContractTests
{
    [Fact]
    public void Spec_still_has_no_date_or_array_query_parameters()
    {
        var found = Spec.Operations()
            .SelectMany(o => (o.Operation.Parameters ?? new System.Collections.Generic.List<IOpenApiParameter>()).Select(p => (o.OperationId, Parameter: p)))
            .Where(x => x.Parameter.In == ParameterLocation.Query
                && (x.Parameter.Schema?.Format is "date-time" or "date" || (x.Parameter.Schema?.Type & JsonSchemaType.Array) == JsonSchemaType.Array))
            .Select(x => x.OperationId + "." + x.Parameter.Name)
            .ToList();

        Assert.True(found.Count == 0, "Add HTTP cases for: " + string.Join(", ", found));
    }

    [Fact]
    public void Arrays_are_repeated_keys_and_dates_are_iso_8601()
    {
        var request = new ApiRequest(System.Net.Http.HttpMethod.Get, "example");
        request.AppendPath("/catchAll/example");
        request.AddQuery("ids", new[] { ParameterFormatter.Format(Guid.Parse("A1B2C3D4-E5F6-7890-ABCD-EF1234567890")), ParameterFormatter.Format(SampleValues.SampleGuid) });
        request.AddQuery("since", ParameterFormatter.Format(new DateTimeOffset(2026, 2, 18, 9, 30, 0, TimeSpan.FromHours(2))));
        request.AddQuery("tags", (string[]?)null);
        request.AddQuery("empty", Array.Empty<string>());

        Assert.Equal(
            "/catchAll/example?ids=a1b2c3d4-e5f6-7890-abcd-ef1234567890&ids=5f0c9087-85cb-4917-b3c7-e5a5eff73a0c&since=2026-02-18T09%3A30%3A00.0000000%2B02%3A00",
            request.PathAndQuery);
    }
}
