using System;
using System.Collections.Generic;
using System.Linq;
using CatchAll.Client.Tests.Support;
using CatchAll.Runtime;
using CatchAll.TestSupport;
using Microsoft.OpenApi;
using Xunit;

namespace CatchAll.Client.Tests.Http;

/// <summary>Shared pieces of the HTTP tests: the client under test and what the spec says an operation sends and gets.</summary>
internal static class HttpTestSupport
{
    public const string ApiKey = "ck_test_9f2c41d7";

    public static CatchAllClient NewClient(LoopbackServer server) => new(new CatchAllClientOptions
    {
        ApiKey = ApiKey,
        BaseAddress = server.BaseAddress,
        // One attempt: these tests are about what one exchange looks like; retries have their own tests in the runtime.
        Retry = new RetryOptions { MaxAttempts = 1 },
        Timeout = TimeSpan.FromSeconds(20),
    });

    public static bool IsSecured(SpecOperation op) => op.Operation.Security is not { Count: 0 };

    public static IReadOnlyList<IOpenApiParameter> Parameters(SpecOperation op, ParameterLocation location) =>
        (op.Operation.Parameters ?? new List<IOpenApiParameter>()).Where(p => p.In == location).ToList();

    /// <summary>The success status and JSON body the server answers with: the case's, else the spec's example.</summary>
    public static (int Status, string? Body) CannedSuccess(SpecOperation op, OperationCase c)
    {
        var responses = op.Operation.Responses ?? new OpenApiResponses();
        var status = c.Status ?? responses.Keys.Where(k => k.StartsWith('2')).Select(k => int.Parse(k, System.Globalization.CultureInfo.InvariantCulture)).Min();
        if (c.ResponseJson is not null)
        {
            return (status, c.ResponseJson);
        }

        var response = responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        if (response.Content is null || response.Content.Count == 0)
        {
            return (status, null);
        }

        var media = response.Content.First(m => m.Key.Contains("json", StringComparison.OrdinalIgnoreCase)).Value;
        var example = SpecExamples.Clean(media.Example) ?? SpecExamples.Clean(media.Examples?.Values.FirstOrDefault()?.Value);
        Assert.True(example is not null, op.OperationId + ": the spec has no example for " + status + " and the case gives no ResponseJson.");
        return (status, example!.ToJsonString());
    }

    /// <summary>Checks method, escaped path, query, key header and body of one recorded request against the spec and the case.</summary>
    public static void AssertRequest(SpecOperation op, OperationCase c, RecordedRequest request)
    {
        Assert.Equal(op.Method, request.Method);

        var expectedPath = op.PathTemplate;
        foreach (var parameter in Parameters(op, ParameterLocation.Path))
        {
            Assert.True(c.PathValues.TryGetValue(parameter.Name!, out var value), $"{op.OperationId}: the case gives no value for path parameter {parameter.Name}");
            expectedPath = expectedPath.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(value!), StringComparison.Ordinal);
        }

        Assert.Equal(expectedPath, request.Path);

        var expectedQuery = c.QueryValues
            .Select(kv => Uri.EscapeDataString(kv.Key) + "=" + Uri.EscapeDataString(kv.Value))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
        var actualQuery = request.RawQueryPairs.Select(p => p.Name + "=" + p.Value).OrderBy(p => p, StringComparer.Ordinal).ToList();
        Assert.Equal(expectedQuery, actualQuery);

        if (IsSecured(op))
        {
            Assert.Equal(ApiKey, request.Header("x-api-key"));
        }

        Assert.Contains("application/json", request.Header("Accept") ?? string.Empty, StringComparison.OrdinalIgnoreCase);

        var contentType = request.Header("Content-Type") ?? string.Empty;
        if (c.RequestJson is not null)
        {
            Assert.StartsWith("application/json", contentType, StringComparison.OrdinalIgnoreCase);
            JsonSemantic.AssertEquivalent(c.RequestJson, request.BodyText);
        }
        else if (c.CheckMultipart is not null)
        {
            c.CheckMultipart(Multipart.Parse(contentType, request.Body));
        }
        else
        {
            Assert.Empty(request.Body);
        }
    }
}
