using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.Runtime;
using CatchAll.Runtime.Tests.Infrastructure;
using CatchAll.TestSupport;
using Xunit;

namespace CatchAll.Runtime.Tests;

public class PipelineErrorTests
{
    [Theory]
    [InlineData(400, typeof(BadRequestException))]
    [InlineData(401, typeof(UnauthorizedException))]
    [InlineData(403, typeof(ForbiddenException))]
    [InlineData(404, typeof(NotFoundException))]
    [InlineData(500, typeof(CatchAllApiException))]
    public async Task Error_statuses_map_to_their_exception_types(int status, Type expected)
    {
        await using var server = LoopbackServer.Start(new ServerResponse
        {
            Status = status,
            Body = "{\"detail\":\"explained\"}",
            Headers = { ["X-Request-Id"] = "req-1" },
        });
        using var pipeline = PipelineFactory.Create(server.BaseAddress);

        var exception = await Assert.ThrowsAnyAsync<CatchAllApiException>(
            () => pipeline.SendAsync(Get(), TestJson.Default.JobDto, null, CancellationToken.None));

        Assert.IsType(expected, exception);
        Assert.Equal(status, exception.StatusCode);
        Assert.Equal("explained", exception.Detail);
        Assert.Equal("{\"detail\":\"explained\"}", exception.ResponseBody);
        Assert.Equal("req-1", Assert.Single(exception.Headers["x-request-id"]));
        Assert.Equal("listJobs", exception.OperationId);
        Assert.StartsWith($"listJobs failed with HTTP {status} (", exception.Message);
    }

    [Fact]
    public async Task Unprocessable_entity_exposes_validation_errors_with_mixed_locations()
    {
        await using var server = LoopbackServer.Start(ServerResponse.Json(
            "{\"detail\":[{\"loc\":[\"body\",\"limit\"],\"msg\":\"too big\",\"type\":\"less_than_equal\"}," +
            "{\"loc\":[\"query\",\"page\",0],\"msg\":\"bad page\",\"type\":\"int_parsing\"}]}",
            422));
        using var pipeline = PipelineFactory.Create(server.BaseAddress);

        var exception = await Assert.ThrowsAsync<UnprocessableEntityException>(
            () => pipeline.SendAsync(Get(), TestJson.Default.JobDto, null, CancellationToken.None));

        Assert.Equal(new[] { "body.limit", "query.page[0]" }, new[] { exception.Errors[0].LocationPath, exception.Errors[1].LocationPath });
        Assert.Equal(0L, exception.Errors[1].Location[2]);
        Assert.Equal("int_parsing", exception.Errors[1].Type);
    }

    [Fact]
    public async Task Rate_limited_exposes_retry_after()
    {
        await using var server = LoopbackServer.Start(new ServerResponse
        {
            Status = 429,
            Body = "{\"detail\":\"slow down\"}",
            Headers = { ["Retry-After"] = "17" },
        });
        using var pipeline = PipelineFactory.Create(server.BaseAddress, maxAttempts: 1);

        var exception = await Assert.ThrowsAsync<RateLimitedException>(
            () => pipeline.SendAsync(Get(), TestJson.Default.JobDto, null, CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(17), exception.RetryAfter);
        Assert.Equal("slow down", exception.Detail);
    }

    [Fact]
    public async Task Invalid_json_names_the_operation_and_the_json_path()
    {
        await using var server = LoopbackServer.Start(ServerResponse.Json("{\"id\":\"j1\",\"count\":\"three\"}"));
        using var pipeline = PipelineFactory.Create(server.BaseAddress);

        var exception = await Assert.ThrowsAsync<CatchAllSerializationException>(
            () => pipeline.SendAsync(Get(), TestJson.Default.JobDto, null, CancellationToken.None));

        Assert.Equal("listJobs", exception.OperationId);
        Assert.Equal("$.count", exception.JsonPath);
        Assert.Equal(0, exception.LineNumber);
        Assert.Contains("listJobs", exception.Message);
        Assert.Contains("$.count", exception.Message);
        Assert.IsType<System.Text.Json.JsonException>(exception.InnerException);
    }

    [Fact]
    public async Task Malformed_json_reports_the_line()
    {
        await using var server = LoopbackServer.Start(ServerResponse.Json("{\n\"id\": \"j1\",\n\"tags\": [\"a\", }"));
        using var pipeline = PipelineFactory.Create(server.BaseAddress);

        var exception = await Assert.ThrowsAsync<CatchAllSerializationException>(
            () => pipeline.SendAsync(Get(), TestJson.Default.JobDto, null, CancellationToken.None));

        Assert.Equal(2, exception.LineNumber);
        Assert.Contains("line 3", exception.Message);
    }

    [Fact]
    public async Task Empty_success_body_where_json_is_expected_is_a_serialization_error()
    {
        await using var server = LoopbackServer.Start(new ServerResponse { Status = 200, Body = null });
        using var pipeline = PipelineFactory.Create(server.BaseAddress);

        var exception = await Assert.ThrowsAsync<CatchAllSerializationException>(
            () => pipeline.SendAsync(Get(), TestJson.Default.JobDto, null, CancellationToken.None));

        Assert.Contains("empty body", exception.Message);
        Assert.Null(exception.JsonPath);
    }

    [Fact]
    public async Task Empty_success_body_is_fine_when_no_value_is_expected()
    {
        await using var server = LoopbackServer.Start(new ServerResponse { Status = 204 });
        using var pipeline = PipelineFactory.Create(server.BaseAddress);

        var response = await pipeline.SendAsync(Get(), null, CancellationToken.None);

        Assert.Equal(204, response.StatusCode);
    }

    [Fact]
    public async Task Connection_refused_becomes_a_transport_exception_after_retries()
    {
        var closed = new Uri($"http://127.0.0.1:{LoopbackServer.FreePort()}/");
        using var pipeline = PipelineFactory.Create(closed, maxAttempts: 2);

        var exception = await Assert.ThrowsAsync<CatchAllTransportException>(
            () => pipeline.SendAsync(Get(), TestJson.Default.JobDto, null, CancellationToken.None));

        Assert.Equal("listJobs", exception.OperationId);
        Assert.IsType<HttpRequestException>(exception.InnerException);
        Assert.Contains("attempt 2", exception.Message);
        Assert.Contains("127.0.0.1", exception.Message);
    }

    private static ApiRequest Get()
    {
        var request = new ApiRequest(HttpMethod.Get, "listJobs");
        request.AppendPath("/catchAll/jobs/user");
        return request;
    }
}
