using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.Runtime;
using CatchAll.Runtime.Tests.Infrastructure;
using CatchAll.TestSupport;
using Xunit;

namespace CatchAll.Runtime.Tests;

public class PollerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Polls_at_once_then_every_interval_until_it_succeeds_reporting_each_result()
    {
        var time = new RecordingTimeProvider();
        var statuses = new JobStatusSource("submitted", "analyzing", "completed");
        var progress = new ListProgress<string>();

        var wait = Poller.PollAsync(statuses.PollAsync, Evaluate, Fail, new PollingOptions { Interval = Interval }, time, progress, CancellationToken.None);

        await Eventually.TrueAsync(() => statuses.Polls == 1, "the first poll");
        Assert.Equal(Interval, await time.WaitForTimerAsync(1));
        time.Advance(Interval);
        await Eventually.TrueAsync(() => statuses.Polls == 2, "the second poll");
        Assert.Equal(Interval, await time.WaitForTimerAsync(2));
        time.Advance(Interval);

        Assert.Equal("completed", await Eventually.Completes(wait));
        Assert.Equal(3, statuses.Polls);
        Assert.Equal(new[] { "submitted", "analyzing", "completed" }, progress.Items);
    }

    [Fact]
    public async Task A_plain_Progress_sees_every_result_in_order_each_before_the_next_poll_and_the_last_before_the_wait_returns()
    {
        var seen = new List<string>();
        var polls = 0;
        var handledBeforeEachPoll = new List<int>();
        string[] stages = { "submitted", "analyzing", "fetching", "clustering", "enriching", "completed" };

        // Made off any synchronization context, as in a console app: Progress<T> then posts each report to the thread
        // pool, where the slow first handler would let later ones overtake it.
        var progress = await Task.Run(() => new Progress<string>(stage =>
        {
            if (stage == "submitted")
            {
                Thread.Sleep(20);
            }

            lock (seen)
            {
                seen.Add(stage);
            }
        }));

        Task<string> Poll(CancellationToken token)
        {
            lock (seen)
            {
                handledBeforeEachPoll.Add(seen.Count);
            }

            return Task.FromResult(stages[polls++]);
        }

        var result = await Poller.PollAsync(Poll, Evaluate, Fail, new PollingOptions { Interval = TimeSpan.FromMilliseconds(1) }, TimeProvider.System, progress, CancellationToken.None);

        Assert.Equal("completed", result);
        lock (seen)
        {
            Assert.Equal(stages, seen);
        }

        Assert.Equal(new[] { 0, 1, 2, 3, 4, 5 }, handledBeforeEachPoll);
    }

    [Fact]
    public async Task A_failed_result_throws_the_exception_built_by_on_failed()
    {
        var time = new RecordingTimeProvider();
        var statuses = new JobStatusSource("enriching", "failed");
        var progress = new ListProgress<string>();

        var wait = Poller.PollAsync(statuses.PollAsync, Evaluate, Fail, new PollingOptions { Interval = Interval }, time, progress, CancellationToken.None);
        await Eventually.TrueAsync(() => statuses.Polls == 1, "the first poll");
        await time.WaitForTimerAsync(1);
        time.Advance(Interval);

        var exception = await Eventually.Completes(Assert.ThrowsAsync<OperationFailedException>(() => wait));
        Assert.Equal("job-1", exception.ResourceId);
        Assert.Equal("failed", exception.Status);
        Assert.Equal("failed", exception.LastResult);
        Assert.Equal(new[] { "enriching", "failed" }, progress.Items);
    }

    [Fact]
    public async Task Times_out_with_catchall_timeout_exception()
    {
        var time = new RecordingTimeProvider();
        var statuses = new JobStatusSource("fetching");
        var options = new PollingOptions { Interval = Interval, Timeout = TimeSpan.FromSeconds(25), OperationId = "getJobStatus" };

        var wait = Poller.PollAsync(statuses.PollAsync, Evaluate, Fail, options, time, null, CancellationToken.None);
        for (var poll = 1; poll <= 3; poll++)
        {
            await Eventually.TrueAsync(() => statuses.Polls == poll, $"poll {poll}");
            Assert.Equal(Interval, await time.WaitForTimerAsync(poll, ignore: options.Timeout));
            time.Advance(poll < 3 ? Interval : TimeSpan.FromSeconds(5));
        }

        var exception = await Eventually.Completes(Assert.ThrowsAsync<CatchAllTimeoutException>(() => wait));
        Assert.Equal("getJobStatus", exception.OperationId);
        Assert.Equal(TimeSpan.FromSeconds(25), exception.Timeout);
        Assert.Contains("timed out after", exception.Message);
        Assert.Equal(3, statuses.Polls);
    }

    [Fact]
    public async Task Cancellation_stops_the_wait_mid_interval_without_time_passing()
    {
        var time = new RecordingTimeProvider();
        var statuses = new JobStatusSource("clustering");
        using var cancellation = new CancellationTokenSource();

        var wait = Poller.PollAsync(statuses.PollAsync, Evaluate, Fail, new PollingOptions { Interval = TimeSpan.FromHours(1) }, time, null, cancellation.Token);
        await Eventually.TrueAsync(() => statuses.Polls == 1, "the first poll");
        await time.WaitForTimerAsync(1);
        cancellation.Cancel();

        // No fake time is advanced: only a delay that observes the token can end this wait.
        var exception = await Eventually.Completes(Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait));
        Assert.Equal(cancellation.Token, exception.CancellationToken);
        Assert.Equal(1, statuses.Polls);
    }

    [Fact]
    public async Task Poll_receives_a_token_that_is_cancelled_by_the_caller()
    {
        var time = new RecordingTimeProvider();
        using var cancellation = new CancellationTokenSource();
        var started = new TaskCompletionSource();

        var wait = Poller.PollAsync(
            async token =>
            {
                started.SetResult();
                await Task.Delay(Timeout.Infinite, token);
                return "never";
            },
            Evaluate,
            Fail,
            new PollingOptions(),
            time,
            null,
            cancellation.Token);
        await Eventually.Completes(started.Task);
        cancellation.Cancel();

        await Eventually.Completes(Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait));
    }

    private static PollOutcome Evaluate(string status) => status switch
    {
        "completed" => PollOutcome.Succeeded,
        "failed" => PollOutcome.Failed,
        _ => PollOutcome.Continue,
    };

    private static Exception Fail(string status) =>
        new OperationFailedException("getJobStatus", "job-1", status, status, "Job job-1 failed.");

    private sealed class JobStatusSource
    {
        private readonly string[] _statuses;
        private int _polls;

        public JobStatusSource(params string[] statuses) => _statuses = statuses;

        public int Polls => Volatile.Read(ref _polls);

        public Task<string> PollAsync(CancellationToken cancellationToken)
        {
            var index = Interlocked.Increment(ref _polls) - 1;
            return Task.FromResult(_statuses[Math.Min(index, _statuses.Length - 1)]);
        }
    }

    private sealed class ListProgress<T> : IProgress<T>
    {
        private readonly List<T> _items = new();

        public IReadOnlyList<T> Items
        {
            get
            {
                lock (_items)
                {
                    return _items.ToArray();
                }
            }
        }

        public void Report(T value)
        {
            lock (_items)
            {
                _items.Add(value);
            }
        }
    }
}
