using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CatchAll.Client.Tests.Support;
using CatchAll.Runtime;
using CatchAll.TestSupport;
using Xunit;
using static CatchAll.Client.Tests.Http.HttpTestSupport;

namespace CatchAll.Client.Tests.Http;

/// <summary>Every error status an operation declares (and the undeclared ones a real service sends) surfaces as its exception type.</summary>
public sealed class ErrorMappingTests : IDisposable
{
    private const string ValidationBody = """{"detail":[{"loc":["body",0,"limit"],"msg":"ensure this value is greater than or equal to 10","type":"value_error.number.not_ge"}]}""";

    private readonly LoopbackServer _server = new();

    /// <summary>Every (operation, declared error status) pair of the spec.</summary>
    public static TheoryData<string, int> DeclaredErrors()
    {
        var data = new TheoryData<string, int>();
        foreach (var op in Spec.Operations().OrderBy(o => o.OperationId, StringComparer.Ordinal))
        {
            foreach (var status in (op.Operation.Responses ?? new Microsoft.OpenApi.OpenApiResponses()).Keys.Where(k => k[0] is '4' or '5'))
            {
                data.Add(op.OperationId, int.Parse(status, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return data;
    }

    public static TheoryData<int, Type> StatusTypes() => new()
    {
        { 400, typeof(BadRequestException) },
        { 401, typeof(UnauthorizedException) },
        { 403, typeof(ForbiddenException) },
        { 404, typeof(NotFoundException) },
        { 422, typeof(UnprocessableEntityException) },
        { 429, typeof(RateLimitedException) },
        { 500, typeof(CatchAllApiException) },
        { 502, typeof(CatchAllApiException) },
        { 503, typeof(CatchAllApiException) },
    };

    [Theory]
    [MemberData(nameof(DeclaredErrors))]
    public async Task Declared_error_status_throws_its_exception_type(string operationId, int status)
    {
        var c = OperationCases.ById[operationId];
        var (body, detail) = ErrorBody(operationId, status);
        _server.Reset(ServerResponse.Of(status, body));
        using var client = NewClient(_server);

        var ex = await Assert.ThrowsAnyAsync<CatchAllApiException>(() => c.WithResponse(client));

        Assert.IsType(ExpectedType(status), ex);
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(operationId, ex.OperationId);
        Assert.Equal(detail, ex.Detail);
        Assert.Equal(body, ex.ResponseBody);
        Assert.DoesNotContain(ApiKey, ex.Message, StringComparison.Ordinal);
        if (ex is UnprocessableEntityException unprocessable)
        {
            var error = Assert.Single(unprocessable.Errors);
            Assert.Equal(new object[] { "body", 0L, "limit" }, error.Location);
            Assert.Equal("ensure this value is greater than or equal to 10", error.Message);
        }

        // The plain method throws the same way.
        _server.Reset(ServerResponse.Of(status, body));
        var plain = await Assert.ThrowsAnyAsync<CatchAllApiException>(() => c.Plain(client));
        Assert.IsType(ExpectedType(status), plain);
    }

    [Theory]
    [MemberData(nameof(StatusTypes))]
    public async Task Each_status_maps_to_its_runtime_exception_for_a_get_and_a_post(int status, Type expected)
    {
        foreach (var operationId in new[] { "getJobStatus", "createJob" })
        {
            var c = OperationCases.ById[operationId];
            _server.Reset(ServerResponse.Of(status, """{"detail":"boom"}""", new Dictionary<string, string> { ["Retry-After"] = "7" }));
            using var client = NewClient(_server);

            var ex = await Assert.ThrowsAnyAsync<CatchAllApiException>(() => c.WithResponse(client));

            Assert.Equal(expected, ex.GetType());
            Assert.Equal(status, ex.StatusCode);
            Assert.Equal("boom", ex.Detail);
            Assert.Contains(operationId, ex.Message, StringComparison.Ordinal);
            if (ex is RateLimitedException limited)
            {
                Assert.Equal(TimeSpan.FromSeconds(7), limited.RetryAfter);
            }
        }
    }

    [Fact]
    public async Task Forbidden_answer_carries_the_detail_and_never_the_key()
    {
        _server.Reset(ServerResponse.Of(403, $$"""{"detail":"Invalid API key {{ApiKey}}"}"""));
        using var client = NewClient(_server);

        var ex = await Assert.ThrowsAsync<ForbiddenException>(() => client.Jobs.GetJobStatusAsync(OperationCases.Job));

        Assert.DoesNotContain(ApiKey, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, ex.Detail ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, ex.ResponseBody ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_json_error_page_still_maps_by_status()
    {
        _server.Reset(ServerResponse.Of(502, "<html><body>Bad gateway</body></html>"));
        using var client = NewClient(_server);

        var ex = await Assert.ThrowsAsync<CatchAllApiException>(() => client.Meta.GetVersionAsync());

        Assert.Equal(502, ex.StatusCode);
        Assert.Null(ex.Detail);
        Assert.Contains("Bad gateway", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _server.Dispose();

    private static Type ExpectedType(int status) => status switch
    {
        400 => typeof(BadRequestException),
        401 => typeof(UnauthorizedException),
        403 => typeof(ForbiddenException),
        404 => typeof(NotFoundException),
        422 => typeof(UnprocessableEntityException),
        429 => typeof(RateLimitedException),
        _ => typeof(CatchAllApiException),
    };

    /// <summary>A body in the shape the spec gives for that status, and the Detail the exception must expose.</summary>
    private static (string Body, string? Detail) ErrorBody(string operationId, int status)
    {
        if (status == 422)
        {
            return (ValidationBody, null);
        }

        var response = Spec.Operation(operationId).Operation.Responses![status.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        var schema = response.Content?.Values.FirstOrDefault()?.Schema;
        if (schema is Microsoft.OpenApi.OpenApiSchemaReference { Reference.Id: "EntityValidationErrorBody" })
        {
            // Entity endpoints answer {message,status,status_code}; the message is the detail.
            return ("""{"message":"Validation Error with the following fields: name","status":"Bad Request","status_code":400}""", "Validation Error with the following fields: name");
        }

        return ($$"""{"detail":"{{operationId}} said no ({{status}})"}""", $"{operationId} said no ({status})");
    }
}
