using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.Runtime;
using CatchAll.Runtime.Tests.Infrastructure;
using CatchAll.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Xunit;

namespace CatchAll.Runtime.Tests;

public class PipelineRetryTests
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Get_is_retried_after_503_and_then_succeeds()
    {
        await using var server = LoopbackServer.StartSequence(ServerResponse.Status503(), ServerResponse.Json("{\"id\":\"ok\"}"));
        var time = new RecordingTimeProvider();
        using var pipeline = new CatchAllPipeline(Options(server, time, baseDelay: TimeSpan.FromSeconds(1)), PipelineFactory.UnusedDefault);

        var call = pipeline.SendAsync(Request(HttpMethod.Get), TestJson.Default.JobDto, null, CancellationToken.None);
        await time.DriveAsync(call, TimeSpan.FromMilliseconds(250));
        var response = await call;

        Assert.Equal("ok", response.Value.Id);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Post_is_not_retried_by_default()
    {
        await using var server = LoopbackServer.StartSequence(ServerResponse.Status503(), ServerResponse.Json("{}"));
        using var pipeline = new CatchAllPipeline(Options(server, TimeProvider.System, baseDelay: TimeSpan.Zero), PipelineFactory.UnusedDefault);

        var exception = await Assert.ThrowsAsync<CatchAllApiException>(
            () => pipeline.SendAsync(Request(HttpMethod.Post), TestJson.Default.JobDto, null, CancellationToken.None));

        Assert.Equal(503, exception.StatusCode);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Post_is_retried_when_the_call_allows_non_idempotent_retries()
    {
        await using var server = LoopbackServer.StartSequence(ServerResponse.Status503(), ServerResponse.Json("{\"id\":\"created\"}"));
        using var pipeline = new CatchAllPipeline(Options(server, TimeProvider.System, baseDelay: TimeSpan.Zero), PipelineFactory.UnusedDefault);
        var perCall = new RequestOptions { Retry = new RetryOptions { RetryNonIdempotent = true, BaseDelay = TimeSpan.Zero } };
        var request = Request(HttpMethod.Post);
        request.SetJsonBody(new CreateJobBody { Query = "q", Limit = 1 }, TestJson.Default.CreateJobBody);

        var response = await pipeline.SendAsync(request, TestJson.Default.JobDto, perCall, CancellationToken.None);

        Assert.Equal("created", response.Value.Id);
        Assert.Equal(2, server.RequestCount);
        // The buffered body is sent again, byte for byte.
        Assert.All(server.Requests, r => Assert.Equal("{\"query\":\"q\",\"limit\":1}", r.BodyText));
    }

    [Fact]
    public async Task Post_is_retried_when_the_client_options_allow_it()
    {
        await using var server = LoopbackServer.StartSequence(ServerResponse.Status503(), ServerResponse.Json("{}"));
        var options = Options(server, TimeProvider.System, baseDelay: TimeSpan.Zero);
        options.Retry.RetryNonIdempotent = true;
        using var pipeline = new CatchAllPipeline(options, PipelineFactory.UnusedDefault);

        await pipeline.SendAsync(Request(HttpMethod.Post), null, CancellationToken.None);

        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Retry_after_seconds_is_the_delay_requested()
    {
        await using var server = LoopbackServer.StartSequence(
            new ServerResponse { Status = 429, Body = "{}", Headers = { ["Retry-After"] = "7" } },
            ServerResponse.Json("{\"id\":\"ok\"}"));
        var time = new RecordingTimeProvider();
        using var pipeline = new CatchAllPipeline(Options(server, time, baseDelay: TimeSpan.FromMilliseconds(100)), PipelineFactory.UnusedDefault);

        var call = pipeline.SendAsync(Request(HttpMethod.Get), TestJson.Default.JobDto, null, CancellationToken.None);
        var requested = await time.WaitForTimerAsync(ignore: CallTimeout);
        Assert.Equal(1, server.RequestCount);
        time.Advance(requested);
        var response = await Eventually.Completes(call);

        Assert.Equal(TimeSpan.FromSeconds(7), requested);
        Assert.Equal("ok", response.Value.Id);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Retry_after_http_date_is_measured_from_the_time_provider()
    {
        var time = new RecordingTimeProvider();
        var date = time.GetUtcNow().AddSeconds(30).ToString("r", CultureInfo.InvariantCulture);
        await using var server = LoopbackServer.StartSequence(
            new ServerResponse { Status = 503, Body = "{}", Headers = { ["Retry-After"] = date } },
            ServerResponse.Json("{}"));
        using var pipeline = new CatchAllPipeline(Options(server, time, baseDelay: TimeSpan.FromMilliseconds(100)), PipelineFactory.UnusedDefault);

        var call = pipeline.SendAsync(Request(HttpMethod.Get), null, CancellationToken.None);
        var requested = await time.WaitForTimerAsync(ignore: CallTimeout);
        time.Advance(requested);
        await Eventually.Completes(call);

        Assert.Equal(TimeSpan.FromSeconds(30), requested);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Attempts_are_bounded_by_max_attempts_and_backoff_stays_under_its_caps()
    {
        await using var server = LoopbackServer.Start(ServerResponse.Status503());
        var time = new RecordingTimeProvider();
        var collector = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(collector)));
        var options = Options(server, time, baseDelay: TimeSpan.FromSeconds(1));
        options.Retry.MaxAttempts = 4;
        options.Retry.MaxDelay = TimeSpan.FromSeconds(1.5);
        options.LoggerFactory = loggerFactory;
        using var pipeline = new CatchAllPipeline(options, PipelineFactory.UnusedDefault);

        var call = pipeline.SendAsync(Request(HttpMethod.Get), null, CancellationToken.None);
        await time.DriveAsync(call, TimeSpan.FromMilliseconds(500));

        var exception = await Assert.ThrowsAsync<CatchAllApiException>(() => call);
        Assert.Equal(503, exception.StatusCode);
        Assert.Equal(4, server.RequestCount);

        // The delays the pipeline chose, from its retry log (rounded to 0.1 ms). Full jitter may pick under 1 ms,
        // which Task.Delay truncates to no wait at all, so no timer exists for it (this once made the test flaky).
        var chosen = collector.GetSnapshot()
            .Where(r => r.Id.Name == "Retrying")
            .Select(r => double.Parse(r.StructuredState!.Single(p => p.Key == "DelayMilliseconds").Value!, CultureInfo.InvariantCulture))
            .ToArray();
        Assert.Equal(3, chosen.Length);
        Assert.InRange(chosen[0], 0, 1000);
        Assert.InRange(chosen[1], 0, 1500);
        Assert.InRange(chosen[2], 0, 1500);
        var timers = time.DueTimes.Where(d => d != CallTimeout).ToArray();
        Assert.InRange(timers.Length, chosen.Count(ms => ms >= 1.05), chosen.Count(ms => ms >= 0.95));
        Assert.All(timers, d => Assert.InRange(d, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1.5)));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(422)]
    public async Task Client_errors_are_not_retried(int status)
    {
        await using var server = LoopbackServer.Start(ServerResponse.Json("{}", status));
        using var pipeline = new CatchAllPipeline(Options(server, TimeProvider.System, baseDelay: TimeSpan.Zero), PipelineFactory.UnusedDefault);

        await Assert.ThrowsAnyAsync<CatchAllApiException>(() => pipeline.SendAsync(Request(HttpMethod.Get), null, CancellationToken.None));

        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_remaining_time_surfaces_the_rate_limit_at_once()
    {
        await using var server = LoopbackServer.Start(new ServerResponse { Status = 429, Body = "{}", Headers = { ["Retry-After"] = "3600" } });
        var time = new RecordingTimeProvider();
        using var pipeline = new CatchAllPipeline(Options(server, time, baseDelay: TimeSpan.Zero), PipelineFactory.UnusedDefault);

        var exception = await Eventually.Completes(Assert.ThrowsAsync<RateLimitedException>(
            () => pipeline.SendAsync(Request(HttpMethod.Get), null, CancellationToken.None)));

        Assert.Equal(TimeSpan.FromHours(1), exception.RetryAfter);
        Assert.Equal(1, server.RequestCount);
    }

    private static CatchAllClientOptions Options(LoopbackServer server, TimeProvider time, TimeSpan baseDelay)
    {
        var options = PipelineFactory.Options(server.BaseAddress, time, maxAttempts: 3);
        options.Retry.BaseDelay = baseDelay;
        options.Timeout = CallTimeout;
        return options;
    }

    private static ApiRequest Request(HttpMethod method)
    {
        var request = new ApiRequest(method, method == HttpMethod.Get ? "getJobStatus" : "createJob");
        request.AppendPath("/catchAll/x");
        return request;
    }
}
