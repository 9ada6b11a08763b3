using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.Emulator;
using CatchAll.EndToEnd.Tests.Infrastructure;
using CatchAll.Models;
using CatchAll.Runtime;
using Xunit;

namespace CatchAll.EndToEnd.Tests;

/// <summary>
/// Rate limits, Retry-After, per-call timeouts and cancellation through the whole stack, on a fake clock so
/// every wait the client makes is visible as an armed timer and nothing depends on real time passing.
/// </summary>
public sealed class FakeClockResilienceTests : IAsyncLifetime
{
    private static readonly TimeSpan Stage = TimeSpan.FromSeconds(10);

    private readonly SteppingTimeProvider _time = new(EmulatorSession.FakeStart);
    private EmulatorSession _session = null!;

    private CatchAllClient Client => _session.Client;

    public async Task InitializeAsync() => _session = await EmulatorSession.StartAsync(
        new EmulatorOptions
        {
            TimeProvider = _time,
            TimeScale = 1,
            StageJitter = 0,
            ConcurrencyLimit = 1,
            StageDurations = new JobStageDurations { Submitted = Stage, Analyzing = Stage, Fetching = Stage, Clustering = Stage, Enriching = Stage },
        },
        options => options.TimeProvider = _time);

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Fact]
    public async Task A_submit_over_the_concurrency_limit_raises_RateLimitedException_with_the_servers_Retry_After()
    {
        await Client.Jobs.CreateJobAsync(Job("first"));

        var limited = await Assert.ThrowsAsync<RateLimitedException>(() => Client.Jobs.CreateJobAsync(Job("second")));

        Assert.Equal(429, limited.StatusCode);
        Assert.Equal("createJob", limited.OperationId);

        // The running job leaves its slot after 5 stages of 10 s; the emulator says so, and the client reads it.
        Assert.Equal(TimeSpan.FromSeconds(50), limited.RetryAfter);
        Assert.Equal([200, 429], _session.Http.To("POST", "/catchAll/submit").Select(r => r.StatusCode));
    }

    [Fact]
    public async Task A_rate_limited_submit_that_opts_into_retries_waits_exactly_the_Retry_After()
    {
        var first = await Client.Jobs.CreateJobAsync(Job("first"));
        var retrying = new RequestOptions
        {
            Retry = new RetryOptions { RetryNonIdempotent = true, MaxAttempts = 2 },
            Timeout = TimeSpan.FromMinutes(10),
        };

        var submit = Client.Jobs.CreateJobAsync(Job("second"), retrying);
        await SteppingTimeProvider.WaitUntilAsync(() => _session.Http.InFlight == 0 && _time.NextDueWithin(TimeSpan.FromMinutes(1)) is not null, "the retry delay");
        Assert.Equal(TimeSpan.FromSeconds(50), _time.NextDueWithin(TimeSpan.FromMinutes(1)));

        var second = await _time.DriveAsync(submit, _session.Http, TimeSpan.FromMinutes(1));

        Assert.NotEqual(first.JobId, second.JobId);
        Assert.Equal([200, 429, 200], _session.Http.To("POST", "/catchAll/submit").Select(r => r.StatusCode));
        Assert.Equal(EmulatorSession.FakeStart + TimeSpan.FromSeconds(50), _time.GetUtcNow());
        Assert.Equal(PublicJobStatus.Completed, (await Client.Jobs.GetJobStatusAsync(first.JobId)).Status);
    }

    [Fact]
    public async Task An_injected_503_with_Retry_After_on_a_GET_is_retried_after_that_delay()
    {
        _session.Emulator.Faults.FailNextRequests(1, 503, "/catchAll/jobs/user", "GET", retryAfter: TimeSpan.FromSeconds(7));

        var list = Client.Jobs.GetUserJobsAsync();
        await SteppingTimeProvider.WaitUntilAsync(() => _session.Http.InFlight == 0 && _time.NextDueWithin(TimeSpan.FromSeconds(30)) is not null, "the retry delay");
        Assert.Equal(TimeSpan.FromSeconds(7), _time.NextDueWithin(TimeSpan.FromSeconds(30)));
        var jobs = await _time.DriveAsync(list, _session.Http, TimeSpan.FromSeconds(30));

        Assert.Equal(0, jobs.Total);
        Assert.Equal([503, 200], _session.Http.To("GET", "/catchAll/jobs/user").Select(r => r.StatusCode));
    }

    [Fact]
    public async Task A_call_that_outlives_its_timeout_raises_CatchAllTimeoutException()
    {
        // The response is held back in real time; the client's 10 s limit runs on the fake clock and is moved past.
        _session.Emulator.Faults.SetLatency(TimeSpan.FromSeconds(20), "/catchAll/jobs/user");
        var call = Client.Jobs.GetUserJobsAsync(options: new RequestOptions { Timeout = TimeSpan.FromSeconds(10) });
        await SteppingTimeProvider.WaitUntilAsync(() => _session.Http.InFlight == 1 && _time.NextDueWithin(TimeSpan.FromSeconds(10)) is not null, "the request and its timeout timer");

        _time.Advance(TimeSpan.FromSeconds(10));

        var timeout = await Assert.ThrowsAsync<CatchAllTimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("getUserJobs", timeout.OperationId);
        Assert.Equal(TimeSpan.FromSeconds(10), timeout.Timeout);
        Assert.Single(_session.Http.To("GET", "/catchAll/jobs/user"));
    }

    [Fact]
    public async Task Cancelling_a_call_in_flight_raises_OperationCanceledException_for_the_callers_token()
    {
        _session.Emulator.Faults.SetLatency(TimeSpan.FromSeconds(20), "/catchAll/jobs/user");
        using var cancel = new CancellationTokenSource();
        var call = Client.Jobs.GetUserJobsAsync(cancellationToken: cancel.Token);
        await SteppingTimeProvider.WaitUntilAsync(() => _session.Http.InFlight == 1, "the request to be in flight");

        cancel.Cancel();

        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.IsNotType<CatchAllTimeoutException>(cancelled.InnerException);
        Assert.Equal(cancel.Token, cancelled.CancellationToken);
        Assert.Equal(EmulatorSession.FakeStart, _time.GetUtcNow());
    }

    private static SubmitRequest Job(string name) => new() { Query = "Funding rounds, " + name, Limit = 10 };
}
