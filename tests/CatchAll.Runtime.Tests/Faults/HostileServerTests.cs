using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.Runtime.Tests.Infrastructure;
using CatchAll.TestSupport;
using Xunit;

namespace CatchAll.Runtime.Tests.Faults;

/// <summary>
/// The defects a fault-injection run found (issue 10, items 1–6 and 9): each test reproduces one against a server
/// that misbehaves on purpose, over real loopback sockets.
/// </summary>
public class HostileServerTests
{
    private const string Key = PipelineFactory.ApiKey;

    // 1. The API key must never follow a redirect to another origin.
    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_redirect_to_another_origin_is_refused_and_the_other_origin_never_sees_the_key(int status)
    {
        await using var elsewhere = FaultServer.Start(Fault.Json("{\"id\":\"stolen\"}"));
        await using var server = FaultServer.Start(new Fault { Status = status }.With("Location", new Uri(elsewhere.BaseAddress, "/collect").ToString()));
        using var pipeline = PipelineFactory.Create(server.BaseAddress, maxAttempts: 3);

        var exception = await Assert.ThrowsAsync<RedirectRefusedException>(() => pipeline.SendAsync(Get(), TestJson.Default.JobDto, null, CancellationToken.None));

        Assert.Equal(0, elsewhere.RequestCount);
        Assert.Equal(1, server.RequestCount);
        Assert.Equal(status, exception.StatusCode);
        Assert.Equal(new Uri(elsewhere.BaseAddress, "/collect"), exception.Location);
        Assert.Contains("another origin", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_to_another_port_on_the_same_host_is_another_origin()
    {
        await using var server = FaultServer.Start(new Fault { Status = 302 }.With("Location", $"http://127.0.0.1:{LoopbackServer.FreePort()}/x"));
        using var pipeline = PipelineFactory.Create(server.BaseAddress);

        await Assert.ThrowsAsync<RedirectRefusedException>(() => pipeline.SendAsync(Get(), null, CancellationToken.None));
    }

    [Fact]
    public async Task A_same_origin_redirect_is_followed_with_the_key()
    {
        await using var server = FaultServer.Start((request, _) => request.Target.StartsWith("/moved", StringComparison.Ordinal)
            ? Fault.Json("{\"id\":\"here\"}")
            : new Fault { Status = 307 }.With("Location", "/moved/jobs/1"));
        using var pipeline = PipelineFactory.Create(server.BaseAddress);

        var response = await pipeline.SendAsync(Get(), TestJson.Default.JobDto, null, CancellationToken.None);

        Assert.Equal("here", response.Value.Id);
        Assert.Equal(new[] { "/jobs/1", "/moved/jobs/1" }, server.Requests.Select(r => r.Target));
        Assert.All(server.Requests, r => Assert.Equal(Key, r.Header("x-api-key")));
    }

    [Fact]
    public async Task A_303_after_a_post_is_followed_with_a_get_and_no_body()
    {
        await using var server = FaultServer.Start((request, _) => request.Method == "GET"
            ? Fault.Json("{\"id\":\"created\"}")
            : new Fault { Status = 303 }.With("Location", "/jobs/created"));
        using var pipeline = PipelineFactory.Create(server.BaseAddress);
        var request = new ApiRequest(HttpMethod.Post, "createJob");
        request.AppendPath("/jobs");
        request.SetJsonBody(new CreateJobBody { Query = "q", Limit = 1 }, TestJson.Default.CreateJobBody);

        var response = await pipeline.SendAsync(request, TestJson.Default.JobDto, null, CancellationToken.None);

        Assert.Equal("created", response.Value.Id);
        Assert.Equal(new[] { "POST", "GET" }, server.Requests.Select(r => r.Method));
        Assert.Empty(server.Requests[1].Body);
    }

    [Fact]
    public async Task A_redirect_loop_ends_with_a_typed_error()
    {
        await using var server = FaultServer.Start(new Fault { Status = 302 }.With("Location", "/again"));
        using var pipeline = PipelineFactory.Create(server.BaseAddress);

        var exception = await Assert.ThrowsAsync<RedirectRefusedException>(() => pipeline.SendAsync(Get(), null, CancellationToken.None));

        Assert.Equal(RedirectRefusedException.MaxRedirects + 1, server.RequestCount);
        Assert.Contains("redirects", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_owned_client_that_follows_a_cross_origin_redirect_by_itself_is_refused_afterwards()
    {
        await using var elsewhere = FaultServer.Start(Fault.Json("{\"id\":\"stolen\"}"));
        await using var server = FaultServer.Start(new Fault { Status = 302 }.With("Location", new Uri(elsewhere.BaseAddress, "/collect").ToString()));
        using var httpClient = new HttpClient(); // its handler follows redirects: the caller's choice, detected afterwards
        using var pipeline = new CatchAllPipeline(httpClient, PipelineFactory.Options(server.BaseAddress), PipelineFactory.UnusedDefault);

        var exception = await Assert.ThrowsAsync<RedirectRefusedException>(() => pipeline.SendAsync(Get(), TestJson.Default.JobDto, null, CancellationToken.None));

        Assert.Contains("AllowAutoRedirect", exception.Message, StringComparison.Ordinal);
    }

    // 2. JSON escapes and echoing headers must not get the key past redaction.
    [Theory]
    [InlineData("\\u0073\\u006b-test-9f8e7d6c5b4a")]
    [InlineData("sk\\u002dtest\\u002d9f8e7d6c5b4a")]
    [InlineData("sk-test-9f8e7d6c5b4\\u0061")]
    public async Task A_key_echoed_with_json_escapes_is_redacted_everywhere(string escapedKey)
    {
        var body = "{\"detail\":\"bad key " + escapedKey + "\",\"extra\":{\"echo\":\"" + escapedKey + "\"}}";
        await using var server = FaultServer.Start(Fault.Json(body, 401).With("X-Echo-Key", Key).With("WWW-Authenticate", "ApiKey key=\"" + Key + "\""));
        using var pipeline = PipelineFactory.Create(server.BaseAddress);

        var exception = await Assert.ThrowsAsync<UnauthorizedException>(() => pipeline.SendAsync(Get(), null, CancellationToken.None));

        Assert.DoesNotContain(Key, exception.ToString());
        Assert.DoesNotContain(Key, exception.Message);
        Assert.DoesNotContain(Key, exception.Detail);
        Assert.Contains("bad key ***", exception.Detail);
        // The kept body is still JSON, and reading it does not reveal the key either.
        using var kept = JsonDocument.Parse(exception.ResponseBody!);
        Assert.DoesNotContain(Key, kept.RootElement.GetProperty("detail").GetString());
        Assert.DoesNotContain(Key, kept.RootElement.GetProperty("extra").GetProperty("echo").GetString());
        Assert.DoesNotContain(Key, string.Join("\n", exception.Headers.SelectMany(h => h.Value)));
        Assert.Equal("***", exception.Headers["X-Echo-Key"].Single());
    }

    [Fact]
    public async Task A_key_echoed_in_validation_errors_is_redacted()
    {
        var body = "{\"detail\":[{\"loc\":[\"header\",\"x-api-key\"],\"msg\":\"unknown key sk\\u002dtest-9f8e7d6c5b4a\",\"type\":\"value_error\"}]}";
        await using var server = FaultServer.Start(Fault.Json(body, 422));
        using var pipeline = PipelineFactory.Create(server.BaseAddress);

        var exception = await Assert.ThrowsAsync<UnprocessableEntityException>(() => pipeline.SendAsync(Get(), null, CancellationToken.None));

        Assert.DoesNotContain(Key, exception.ToString());
        Assert.Equal("unknown key ***", exception.Errors.Single().Message);
    }

    // 3. A huge Retry-After is not honoured: a typed error at once, never a raw ArgumentOutOfRangeException.
    [Theory]
    [InlineData("99999999")]
    [InlineData("1e30")]
    [InlineData("100000000000000000000000000000000000000")]
    [InlineData("Fri, 31 Dec 9999 23:59:59 GMT")]
    public async Task A_huge_retry_after_ends_the_call_at_once_with_RateLimitedException(string retryAfter)
    {
        await using var server = FaultServer.Start(Fault.Json("{\"detail\":\"slow down\"}", 429).With("Retry-After", retryAfter));
        // A fake clock that nobody advances: a wait the pipeline wrongly starts never ends, and the bound reports it.
        var options = PipelineFactory.Options(server.BaseAddress, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(), maxAttempts: 4);
        options.Timeout = Timeout.InfiniteTimeSpan;
        using var pipeline = new CatchAllPipeline(options, PipelineFactory.UnusedDefault);

        var exception = await Assert.ThrowsAsync<RateLimitedException>(() => Eventually.Completes(pipeline.SendAsync(Get(), null, CancellationToken.None)));

        Assert.Equal(1, server.RequestCount);
        Assert.True(exception.RetryAfter > options.Retry.MaxRetryAfter, "RetryAfter: " + exception.RetryAfter);
    }

    [Fact]
    public async Task A_503_with_a_retry_after_beyond_the_cap_is_not_retried()
    {
        await using var server = FaultServer.Start(Fault.Json("{\"detail\":\"maintenance\"}", 503).With("Retry-After", "86400"));
        var options = PipelineFactory.Options(server.BaseAddress, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(), maxAttempts: 4);
        options.Timeout = Timeout.InfiniteTimeSpan;
        using var pipeline = new CatchAllPipeline(options, PipelineFactory.UnusedDefault);

        var exception = await Assert.ThrowsAsync<CatchAllApiException>(() => Eventually.Completes(pipeline.SendAsync(Get(), null, CancellationToken.None)));

        Assert.Equal(503, exception.StatusCode);
        Assert.Equal(1, server.RequestCount);
    }

    // 4. A Content-Length beyond the limit is refused before anything is allocated for it.
    [Fact]
    public async Task A_lying_content_length_beyond_the_limit_is_refused_before_reading()
    {
        await using var server = FaultServer.Start(new Fault { Body = Encoding.UTF8.GetBytes("{\"id\":\"only sixty bytes or so, whatever the header claims\"}"), DeclaredLength = 1_000_000_000 });
        using var pipeline = PipelineFactory.Create(server.BaseAddress);

        var exception = await Assert.ThrowsAsync<ResponseTooLargeException>(() => pipeline.SendAsync(Get(), TestJson.Default.JobDto, null, CancellationToken.None));

        Assert.Equal(1_000_000_000, exception.DeclaredLength);
        Assert.Equal(CatchAllClientOptions.DefaultMaxResponseBodySize, exception.Limit);
        Assert.Equal(200, exception.StatusCode);
        Assert.Equal("getJob", exception.OperationId);
    }

    [Fact]
    public async Task A_lying_content_length_within_the_limit_is_a_truncated_body()
    {
        await using var server = FaultServer.Start(new Fault { Body = Encoding.UTF8.GetBytes("{\"id\":\"x\"}"), DeclaredLength = 10_000_000 });
        using var pipeline = PipelineFactory.Create(server.BaseAddress);

        var exception = await Assert.ThrowsAsync<CatchAllTransportException>(() => pipeline.SendAsync(Get(), TestJson.Default.JobDto, null, CancellationToken.None));

        Assert.Contains("while reading", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_lost_while_discarding_a_success_body_is_still_a_success_and_not_retried()
    {
        // A DELETE that worked: a retry would answer 404 and report a failure for an operation that succeeded.
        await using var server = FaultServer.Start(new Fault { Body = Encoding.UTF8.GetBytes("{\"deleted\":true}"), DeclaredLength = 10_000_000 });
        using var pipeline = PipelineFactory.Create(server.BaseAddress);
        var request = new ApiRequest(HttpMethod.Delete, "deleteJob");
        request.AppendPath("/jobs/1");

        var response = await pipeline.SendAsync(request, null, CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(1, server.RequestCount);
    }

    // 5. A body without Content-Length stops at the limit.
    [Fact]
    public async Task A_chunked_body_beyond_the_limit_ends_with_ResponseTooLargeException()
    {
        await using var server = FaultServer.Start(new Fault { Chunked = true, FillerLength = 3 * 1024 * 1024 });
        var options = PipelineFactory.Options(server.BaseAddress);
        options.MaxResponseBodySize = 1024 * 1024;
        using var pipeline = new CatchAllPipeline(options, PipelineFactory.UnusedDefault);

        var exception = await Assert.ThrowsAsync<ResponseTooLargeException>(() => pipeline.SendAsync(Get(), TestJson.Default.JobDto, null, CancellationToken.None));

        Assert.Null(exception.DeclaredLength);
        Assert.Equal(1024 * 1024, exception.Limit);
    }

    [Fact]
    public async Task A_body_exactly_at_the_limit_is_read()
    {
        var json = "{\"id\":\"" + new string('x', 1000) + "\"}";
        await using var server = FaultServer.Start(Fault.Json(json));
        var options = PipelineFactory.Options(server.BaseAddress);
        options.MaxResponseBodySize = json.Length;
        using var pipeline = new CatchAllPipeline(options, PipelineFactory.UnusedDefault);

        var response = await pipeline.SendAsync(Get(), TestJson.Default.JobDto, null, CancellationToken.None);

        Assert.Equal(1000, response.Value.Id!.Length);
    }

    [Fact]
    public void Size_limits_are_validated()
    {
        var options = new CatchAllClientOptions();
        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxResponseBodySize = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxResponseBodySize = 4L * 1024 * 1024 * 1024);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxErrorBodySize = -1);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.Retry.MaxRetryAfter = TimeSpan.FromSeconds(-1));
    }

    // 6. Only the first part of an error body is read and kept.
    [Fact]
    public async Task A_huge_error_body_is_cut_at_the_error_body_limit_on_every_attempt()
    {
        var head = Encoding.UTF8.GetBytes("{\"detail\":\"");
        await using var server = FaultServer.Start(new Fault { Status = 503, Body = head, FillerLength = 5 * 1024 * 1024 }.With("Content-Type", "application/json"));
        using var pipeline = PipelineFactory.Create(server.BaseAddress, maxAttempts: 3);

        var exception = await Assert.ThrowsAsync<CatchAllApiException>(() => pipeline.SendAsync(Get(), null, CancellationToken.None));

        Assert.Equal(503, exception.StatusCode);
        Assert.Equal(3, server.RequestCount);
        Assert.NotNull(exception.ResponseBody);
        Assert.InRange(exception.ResponseBody!.Length, 1, CatchAllClientOptions.DefaultMaxErrorBodySize);
        Assert.Contains("cut", exception.Message, StringComparison.Ordinal);
        Assert.True(exception.Message.Length < 1000, exception.Message.Length.ToString());
    }

    [Fact]
    public async Task An_error_body_limit_of_zero_keeps_no_body_but_still_the_status()
    {
        await using var server = FaultServer.Start(Fault.Json("{\"detail\":\"gone\"}", 404));
        var options = PipelineFactory.Options(server.BaseAddress);
        options.MaxErrorBodySize = 0;
        using var pipeline = new CatchAllPipeline(options, PipelineFactory.UnusedDefault);

        var exception = await Assert.ThrowsAsync<NotFoundException>(() => pipeline.SendAsync(Get(), null, CancellationToken.None));

        Assert.Null(exception.ResponseBody);
    }

    // 9. A failure mid-body is not "could not reach".
    [Fact]
    public async Task A_connection_broken_mid_body_after_a_200_says_so()
    {
        await using var server = FaultServer.Start(new Fault { Body = Encoding.UTF8.GetBytes("{\"id\":\"abcdefghijklmnop\"}"), CloseAfterBodyBytes = 8 });
        using var pipeline = PipelineFactory.Create(server.BaseAddress);

        var exception = await Assert.ThrowsAsync<CatchAllTransportException>(() => pipeline.SendAsync(Get(), TestJson.Default.JobDto, null, CancellationToken.None));

        Assert.DoesNotContain("could not reach", exception.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 200", exception.Message, StringComparison.Ordinal);
        Assert.Contains("while reading the body", exception.Message, StringComparison.Ordinal);
    }

    private static ApiRequest Get()
    {
        var request = new ApiRequest(HttpMethod.Get, "getJob");
        request.AppendPath("/jobs/1");
        return request;
    }
}
