using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.Runtime.Tests.Infrastructure;
using CatchAll.TestSupport;
using Xunit;

namespace CatchAll.Runtime.Tests.Faults;

/// <summary>Issue 10, item 8: a long wait keeps polling through a short outage, for a bounded time.</summary>
public class WaitToleranceTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Six_503s_in_a_row_do_not_end_a_wait()
    {
        var clock = new IntervalClock(Interval);
        var script = new Script(Enumerable(6, Unavailable), "enriching", "completed");
        var progress = new List<string>();

        var wait = Wait(script, clock, new PollingOptions { Interval = Interval }, progress);
        await clock.DriveAsync(wait);

        Assert.Equal("completed", await wait);
        Assert.Equal(8, script.Polls);
        Assert.Equal(new[] { "enriching", "completed" }, progress);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Every_transient_status_is_tolerated(int status)
    {
        var clock = new IntervalClock(Interval);
        var script = new Script(Enumerable(2, () => CatchAllApiException.Create("getJobStatus", status, "{}")), "completed");

        var wait = Wait(script, clock, new PollingOptions { Interval = Interval });
        await clock.DriveAsync(wait);

        Assert.Equal("completed", await wait);
    }

    [Fact]
    public async Task Transport_failures_and_a_single_poll_timing_out_are_tolerated()
    {
        var clock = new IntervalClock(Interval);
        var script = new Script(
            new Func<Exception>[]
            {
                () => new CatchAllTransportException("getJobStatus", "reset", new IOException("reset")),
                () => new CatchAllTimeoutException("getJobStatus", "one poll timed out", TimeSpan.FromSeconds(100)),
            },
            "completed");

        var wait = Wait(script, clock, new PollingOptions { Interval = Interval });
        await clock.DriveAsync(wait);

        Assert.Equal("completed", await wait);
    }

    [Fact]
    public async Task An_outage_longer_than_the_tolerance_ends_the_wait_with_the_last_failure()
    {
        var clock = new IntervalClock(Interval);
        var script = new Script(Enumerable(1000, Unavailable), "completed");
        var options = new PollingOptions { Interval = Interval, TransientFailureTolerance = TimeSpan.FromMinutes(2) };

        var wait = Wait(script, clock, options);
        await clock.DriveAsync(wait);

        var exception = await Assert.ThrowsAsync<CatchAllApiException>(() => wait);
        Assert.Equal(503, exception.StatusCode);
        // Failures at 0, 30, 60, 90 and 120 s: the one at 120 s reaches the 2-minute tolerance.
        Assert.Equal(5, script.Polls);
    }

    [Fact]
    public async Task A_successful_poll_starts_the_tolerance_again()
    {
        var clock = new IntervalClock(Interval);
        var steps = new List<Func<Exception>?>();
        for (var round = 0; round < 3; round++)
        {
            steps.AddRange(new Func<Exception>?[] { Unavailable, Unavailable, Unavailable, null });
        }

        var script = new Script(steps, "completed");
        var options = new PollingOptions { Interval = Interval, TransientFailureTolerance = TimeSpan.FromSeconds(90) };

        var wait = Wait(script, clock, options);
        await clock.DriveAsync(wait);

        Assert.Equal("completed", await wait);
    }

    [Fact]
    public async Task A_zero_tolerance_gives_up_at_the_first_failure()
    {
        var clock = new IntervalClock(Interval);
        var script = new Script(Enumerable(1, Unavailable), "completed");

        var wait = Wait(script, clock, new PollingOptions { Interval = Interval, TransientFailureTolerance = TimeSpan.Zero });

        var exception = await Assert.ThrowsAsync<CatchAllApiException>(() => Eventually.Completes(wait));
        Assert.Equal(503, exception.StatusCode);
        Assert.Equal(1, script.Polls);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(422)]
    public async Task A_failure_that_is_not_transient_ends_the_wait_at_once(int status)
    {
        var clock = new IntervalClock(Interval);
        var script = new Script(Enumerable(1, () => CatchAllApiException.Create("getJobStatus", status, "{}")), "completed");

        var wait = Wait(script, clock, new PollingOptions { Interval = Interval });

        var exception = await Assert.ThrowsAsync(CatchAllApiException.Create("x", status, null).GetType(), () => Eventually.Completes(wait));
        Assert.Equal(status, ((CatchAllApiException)exception).StatusCode);
        Assert.Equal(1, script.Polls);
    }

    [Fact]
    public async Task A_429_asking_for_longer_than_the_interval_is_waited_out()
    {
        var clock = new IntervalClock(Interval);
        var script = new Script(
            new Func<Exception>[] { () => new RateLimitedException("getJobStatus", "slow down", TimeSpan.FromSeconds(90)) },
            "completed");
        var start = clock.GetUtcNow();

        var wait = Wait(script, clock, new PollingOptions { Interval = Interval });
        await clock.DriveAsync(wait);

        Assert.Equal("completed", await wait);
        Assert.Equal(2, script.Polls);
        Assert.Equal(TimeSpan.FromSeconds(90), clock.GetUtcNow() - start);
    }

    [Fact]
    public async Task A_429_asking_for_forever_after_an_earlier_failure_ends_the_wait_with_the_429_not_an_overflow()
    {
        // A huge Retry-After is read as TimeSpan.MaxValue; added to the time already spent failing, it overflowed.
        var clock = new IntervalClock(Interval);
        var script = new Script(
            new Func<Exception>[] { Unavailable, () => new RateLimitedException("getJobStatus", "slow down", TimeSpan.MaxValue) },
            "completed");

        var wait = Wait(script, clock, new PollingOptions { Interval = Interval });
        await clock.DriveAsync(wait);

        await Assert.ThrowsAsync<RateLimitedException>(() => wait);
        Assert.Equal(2, script.Polls);
    }

    [Fact]
    public async Task Cancellation_during_an_outage_is_still_cancellation()
    {
        var clock = new IntervalClock(Interval);
        var script = new Script(Enumerable(1000, Unavailable), "completed");
        using var cancel = new CancellationTokenSource();

        var wait = Poller.PollAsync(script.PollAsync, Evaluate, r => new InvalidOperationException(r), new PollingOptions { Interval = Interval }, clock, null, cancel.Token);
        await Eventually.TrueAsync(() => script.Polls >= 1, "the first poll");
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Eventually.Completes(wait));
    }

    private static Exception Unavailable() => CatchAllApiException.Create("getJobStatus", 503, "{\"detail\":\"busy\"}");

    private static IEnumerable<Func<Exception>?> Enumerable(int count, Func<Exception> failure)
    {
        for (var i = 0; i < count; i++)
        {
            yield return failure;
        }
    }

    private static PollOutcome Evaluate(string status) => status switch
    {
        "completed" => PollOutcome.Succeeded,
        "failed" => PollOutcome.Failed,
        _ => PollOutcome.Continue,
    };

    private static Task<string> Wait(Script script, TimeProvider clock, PollingOptions options, List<string>? progress = null) =>
        Poller.PollAsync(script.PollAsync, Evaluate, r => new InvalidOperationException(r), options, clock, progress is null ? null : new SyncProgress(progress), CancellationToken.None);

    /// <summary>Each poll takes the next step: a failure to throw, null for "enriching", then the final statuses.</summary>
    private sealed class Script
    {
        private readonly List<Func<Exception>?> _steps;
        private readonly string[] _then;

        public Script(IEnumerable<Func<Exception>?> steps, params string[] then)
        {
            _steps = new List<Func<Exception>?>(steps);
            _then = then;
        }

        public int Polls { get; private set; }

        public Task<string> PollAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var index = Polls++;
            if (index < _steps.Count)
            {
                return _steps[index] is { } failure ? Task.FromException<string>(failure()) : Task.FromResult("enriching");
            }

            return Task.FromResult(_then[Math.Min(index - _steps.Count, _then.Length - 1)]);
        }
    }

    private sealed class SyncProgress : IProgress<string>
    {
        private readonly List<string> _items;

        public SyncProgress(List<string> items) => _items = items;

        public void Report(string value) => _items.Add(value);
    }
}
