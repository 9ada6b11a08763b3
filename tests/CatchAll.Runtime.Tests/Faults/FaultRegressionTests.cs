using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.Runtime.Tests.Infrastructure;
using CatchAll.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CatchAll.Runtime.Tests.Faults;

/// <summary>
/// The fault-injection scenarios that already passed when issue 10 was filed, kept against the same raw fault server
/// so none of them regresses: rate limits, retries by method, resets, truncation, HTML, deep JSON, cancellation,
/// timeouts and redaction in logs.
/// </summary>
public class FaultRegressionTests
{
    private const string Key = PipelineFactory.ApiKey;
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(100);

    [Fact]
    public async Task A_429_with_retry_after_seconds_is_waited_out_exactly_then_retried()
    {
        await using var server = FaultServer.Sequence(Fault.Json("{}", 429).With("Retry-After", "7"), Fault.Json("{\"id\":\"ok\"}"));
        var clock = new IntervalClock(TimeSpan.FromSeconds(7), ignore: CallTimeout);
        using var pipeline = new CatchAllPipeline(Options(server, clock, maxAttempts: 2), PipelineFactory.UnusedDefault);
        var start = clock.GetUtcNow();

        var call = pipeline.SendAsync(Get(), TestJson.Default.JobDto, null, CancellationToken.None);
        await clock.DriveAsync(call);

        Assert.Equal("ok", (await call).Value.Id);
        Assert.Equal(2, server.RequestCount);
        Assert.Equal(TimeSpan.FromSeconds(7), clock.GetUtcNow() - start);
    }

    [Fact]
    public async Task A_429_with_retry_after_as_an_http_date_is_waited_out_exactly_then_retried()
    {
        var clock = new IntervalClock(TimeSpan.FromSeconds(9), ignore: CallTimeout);
        var start = clock.GetUtcNow();
        await using var server = FaultServer.Sequence(Fault.Json("{}", 429).With("Retry-After", (start + TimeSpan.FromSeconds(9)).ToString("r")), Fault.Json("{\"id\":\"ok\"}"));
        using var pipeline = new CatchAllPipeline(Options(server, clock, maxAttempts: 2), PipelineFactory.UnusedDefault);

        var call = pipeline.SendAsync(Get(), TestJson.Default.JobDto, null, CancellationToken.None);
        await clock.DriveAsync(call);

        Assert.Equal("ok", (await call).Value.Id);
        Assert.Equal(TimeSpan.FromSeconds(9), clock.GetUtcNow() - start);
    }

    [Fact]
    public async Task A_429_that_outlasts_the_attempts_is_a_RateLimitedException_with_retry_after()
    {
        await using var server = FaultServer.Start(Fault.Json("{\"detail\":\"quota\"}", 429).With("Retry-After", "0"));
        using var pipeline = PipelineFactory.Create(server.BaseAddress, maxAttempts: 3);

        var exception = await Assert.ThrowsAsync<RateLimitedException>(() => pipeline.SendAsync(Get(), null, CancellationToken.None));

        Assert.Equal(TimeSpan.Zero, exception.RetryAfter);
        Assert.Equal(3, server.RequestCount);
    }

    [Theory]
    [InlineData("GET", 2)]
    [InlineData("DELETE", 2)]
    [InlineData("POST", 1)]
    [InlineData("PATCH", 1)]
    public async Task A_5xx_is_retried_for_idempotent_methods_only(string method, int expectedRequests)
    {
        await using var server = FaultServer.Sequence(Fault.Json("{\"detail\":\"busy\"}", 503), Fault.Json("{\"id\":\"ok\"}"));
        using var pipeline = PipelineFactory.Create(server.BaseAddress, maxAttempts: 2);
        var request = new ApiRequest(new HttpMethod(method), "op");
        request.AppendPath("/x");

        try
        {
            await pipeline.SendAsync(request, null, CancellationToken.None);
        }
        catch (CatchAllApiException ex) when (expectedRequests == 1)
        {
            Assert.Equal(503, ex.StatusCode);
        }

        Assert.Equal(expectedRequests, server.RequestCount);
    }

    [Fact]
    public async Task A_reset_connection_is_retried_for_a_get_and_then_succeeds()
    {
        await using var server = FaultServer.Sequence(new Fault { Reset = true }, Fault.Json("{\"id\":\"ok\"}"));
        using var pipeline = PipelineFactory.Create(server.BaseAddress, maxAttempts: 2);

        var response = await pipeline.SendAsync(Get(), TestJson.Default.JobDto, null, CancellationToken.None);

        Assert.Equal("ok", response.Value.Id);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task A_reset_connection_on_every_attempt_is_a_transport_exception()
    {
        await using var server = FaultServer.Start(new Fault { Reset = true });
        using var pipeline = PipelineFactory.Create(server.BaseAddress, maxAttempts: 2);

        var exception = await Assert.ThrowsAsync<CatchAllTransportException>(() => pipeline.SendAsync(Get(), null, CancellationToken.None));

        Assert.Contains("could not reach", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, exception.ToString());
    }

    [Fact]
    public async Task A_chunked_body_cut_short_is_a_transport_exception_that_names_the_status()
    {
        await using var server = FaultServer.Start(new Fault { Chunked = true, Body = Encoding.UTF8.GetBytes("{\"id\":\"abcdefghijklmnopqrstuvwxyz\"}"), CloseAfterBodyBytes = 10 });
        using var pipeline = PipelineFactory.Create(server.BaseAddress);

        var exception = await Assert.ThrowsAsync<CatchAllTransportException>(() => pipeline.SendAsync(Get(), TestJson.Default.JobDto, null, CancellationToken.None));

        Assert.Contains("HTTP 200", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_html_error_page_gives_its_first_words_in_the_message()
    {
        await using var server = FaultServer.Start(Fault.Text("<html><body><h1>502 Bad Gateway</h1></body></html>", 502, "text/html"));
        using var pipeline = PipelineFactory.Create(server.BaseAddress);

        var exception = await Assert.ThrowsAsync<CatchAllApiException>(() => pipeline.SendAsync(Get(), null, CancellationToken.None));

        Assert.Equal(502, exception.StatusCode);
        Assert.Contains("502 Bad Gateway", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_html_page_with_a_200_is_a_serialization_exception()
    {
        await using var server = FaultServer.Start(Fault.Text("<html>maintenance</html>", 200, "text/html"));
        using var pipeline = PipelineFactory.Create(server.BaseAddress);

        await Assert.ThrowsAsync<CatchAllSerializationException>(() => pipeline.SendAsync(Get(), TestJson.Default.JobDto, null, CancellationToken.None));
    }

    [Fact]
    public async Task Json_nested_5000_deep_is_a_typed_error_on_success_and_on_error_bodies()
    {
        var deep = new string('[', 5000) + new string(']', 5000);
        await using var server = FaultServer.Sequence(Fault.Json(deep), Fault.Json(deep, 500), Fault.Json("{\"detail\":" + new string('[', 5000) + "\"" + Key.Replace("-", "\\u002d", StringComparison.Ordinal) + "\"" + new string(']', 5000) + "}", 500));
        using var pipeline = PipelineFactory.Create(server.BaseAddress);

        await Assert.ThrowsAsync<CatchAllSerializationException>(() => pipeline.SendAsync(Get(), TestJson.Default.JobDto, null, CancellationToken.None));
        var error = await Assert.ThrowsAsync<CatchAllApiException>(() => pipeline.SendAsync(Get(), null, CancellationToken.None));
        Assert.Equal(500, error.StatusCode);
        var deepError = await Assert.ThrowsAsync<CatchAllApiException>(() => pipeline.SendAsync(Get(), null, CancellationToken.None));
        Assert.Equal(500, deepError.StatusCode);
    }

    [Fact]
    public async Task Cancelling_while_the_server_hangs_is_cancellation_not_a_timeout()
    {
        await using var server = FaultServer.Start(new Fault { Hang = true });
        using var pipeline = PipelineFactory.Create(server.BaseAddress, new FakeTimeProvider());
        using var cancel = new CancellationTokenSource();

        Task call = pipeline.SendAsync(Get(), null, cancel.Token);
        await Eventually.TrueAsync(() => server.RequestCount == 1, "the request to arrive");
        cancel.Cancel();

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Eventually.Completes(call));
        Assert.Equal(cancel.Token, exception.CancellationToken);
    }

    [Fact]
    public async Task A_server_that_never_answers_ends_in_a_timeout_exception_on_the_fake_clock()
    {
        await using var server = FaultServer.Start(new Fault { Hang = true });
        var clock = new FakeTimeProvider();
        using var pipeline = new CatchAllPipeline(Options(server, clock, maxAttempts: 1), PipelineFactory.UnusedDefault);

        Task call = pipeline.SendAsync(Get(), null, CancellationToken.None);
        await Eventually.TrueAsync(() => server.RequestCount == 1, "the request to arrive");
        clock.Advance(CallTimeout);

        var exception = await Assert.ThrowsAsync<CatchAllTimeoutException>(() => Eventually.Completes(call));
        Assert.Equal(CallTimeout, exception.Timeout);
    }

    [Fact]
    public async Task Logs_of_a_retried_failure_never_hold_the_key_even_when_the_server_escapes_it()
    {
        var escaped = Key.Replace("-", "\\u002d", StringComparison.Ordinal);
        await using var server = FaultServer.Sequence(
            Fault.Json("{\"detail\":\"no capacity for " + escaped + "\"}", 503).With("X-Echo", Key),
            Fault.Json("{\"detail\":\"still no capacity for " + escaped + "\"}", 503));
        var collector = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector)));
        var options = PipelineFactory.Options(server.BaseAddress, maxAttempts: 2);
        options.LoggerFactory = loggerFactory;
        using var pipeline = new CatchAllPipeline(options, PipelineFactory.UnusedDefault);

        var exception = await Assert.ThrowsAsync<CatchAllApiException>(() => pipeline.SendAsync(Get(), null, CancellationToken.None));

        var everything = string.Join("\n", collector.GetSnapshot().Select(r => r.Message + " " + r.Exception + " " + string.Join(",", r.StructuredState?.Select(s => s.Value) ?? [])));
        Assert.Contains("no capacity for ***", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, exception.ToString(), StringComparison.Ordinal);
    }

    private static CatchAllClientOptions Options(FaultServer server, TimeProvider clock, int maxAttempts)
    {
        var options = PipelineFactory.Options(server.BaseAddress, clock, maxAttempts);
        options.Timeout = CallTimeout;
        return options;
    }

    private static ApiRequest Get()
    {
        var request = new ApiRequest(HttpMethod.Get, "getJob");
        request.AppendPath("/jobs/1");
        return request;
    }
}
