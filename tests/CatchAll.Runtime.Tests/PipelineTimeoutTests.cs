using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.Runtime;
using CatchAll.Runtime.Tests.Infrastructure;
using CatchAll.TestSupport;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CatchAll.Runtime.Tests;

public class PipelineTimeoutTests
{
    [Fact]
    public async Task Per_call_timeout_throws_catchall_timeout_exception()
    {
        await using var server = LoopbackServer.Start(new ServerResponse { Hang = true });
        var time = new FakeTimeProvider();
        using var pipeline = PipelineFactory.Create(server.BaseAddress, time);
        var perCall = new RequestOptions { Timeout = TimeSpan.FromSeconds(5) };

        var call = pipeline.SendAsync(Request(), perCall, CancellationToken.None);
        await server.WaitForRequestsAsync(1);
        time.Advance(TimeSpan.FromSeconds(5));

        var exception = await Eventually.Completes(Assert.ThrowsAsync<CatchAllTimeoutException>(() => call));
        Assert.Equal(TimeSpan.FromSeconds(5), exception.Timeout);
        Assert.Equal("getJobStatus", exception.OperationId);
        Assert.Contains("00:00:05", exception.Message);
    }

    [Fact]
    public async Task The_timeout_does_not_fire_before_it_is_due()
    {
        await using var server = LoopbackServer.Start(new ServerResponse { Hang = true });
        var time = new FakeTimeProvider();
        using var pipeline = PipelineFactory.Create(server.BaseAddress, time);
        var perCall = new RequestOptions { Timeout = TimeSpan.FromSeconds(5) };

        var call = pipeline.SendAsync(Request(), perCall, CancellationToken.None);
        await server.WaitForRequestsAsync(1);
        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(call.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));

        await Eventually.Completes(Assert.ThrowsAsync<CatchAllTimeoutException>(() => call));
    }

    [Fact]
    public async Task Caller_cancellation_throws_operation_canceled_not_timeout()
    {
        await using var server = LoopbackServer.Start(new ServerResponse { Hang = true });
        using var pipeline = PipelineFactory.Create(server.BaseAddress, new FakeTimeProvider());
        using var cancellation = new CancellationTokenSource();

        var call = pipeline.SendAsync(Request(), null, cancellation.Token);
        await server.WaitForRequestsAsync(1);
        cancellation.Cancel();

        var exception = await Eventually.Completes(Assert.ThrowsAnyAsync<OperationCanceledException>(() => call));
        Assert.Equal(cancellation.Token, exception.CancellationToken);
    }

    [Fact]
    public async Task Retries_stop_when_the_next_wait_would_not_fit_in_the_timeout()
    {
        await using var server = LoopbackServer.Start(new ServerResponse { Status = 503, Body = "{}", Headers = { ["Retry-After"] = "20" } });
        var time = new RecordingTimeProvider();
        var options = PipelineFactory.Options(server.BaseAddress, time, maxAttempts: 10);
        options.Timeout = TimeSpan.FromSeconds(30);
        using var pipeline = new CatchAllPipeline(options, PipelineFactory.UnusedDefault);

        var call = pipeline.SendAsync(Request(), null, CancellationToken.None);
        var firstWait = await time.WaitForTimerAsync(ignore: options.Timeout);
        time.Advance(firstWait);

        // 20 s used, 10 s left: a second 20 s wait cannot succeed, so the 503 is reported instead of a timeout.
        var exception = await Eventually.Completes(Assert.ThrowsAsync<CatchAllApiException>(() => call));
        Assert.Equal(TimeSpan.FromSeconds(20), firstWait);
        Assert.Equal(503, exception.StatusCode);
        Assert.Equal(2, server.RequestCount);
    }

    private static ApiRequest Request()
    {
        var request = new ApiRequest(HttpMethod.Get, "getJobStatus");
        request.AppendPath("/catchAll/status/j1");
        return request;
    }
}
