using System;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.Runtime.Tests.Infrastructure;
using CatchAll.TestSupport;
using Xunit;

namespace CatchAll.Runtime.Tests;

/// <summary>The fake clock the retry and timeout tests rely on: a due time is visible only once its timer can fire.</summary>
public sealed class RecordingTimeProviderTests
{
    [Fact]
    public async Task Advancing_by_a_due_time_as_soon_as_it_is_seen_always_fires_that_timer()
    {
        // The retry tests wait for a due time and advance by it at once. Recording the due time before the fake
        // timer existed let that advance run first, and the timer then waited a whole extra interval.
        var time = new RecordingTimeProvider();
        var due = TimeSpan.FromSeconds(20);
        for (var round = 1; round <= 100; round++)
        {
            var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            ITimer? timer = null;
            var arming = Task.Run(() => timer = time.CreateTimer(_ => fired.TrySetResult(), null, due, Timeout.InfiniteTimeSpan));

            Assert.Equal(due, await time.WaitForTimerAsync(round));
            time.Advance(due);

            Assert.True(fired.Task.IsCompleted, $"round {round}: the timer did not fire when its due time was reached");
            await arming;
            timer!.Dispose();
        }
    }

    [Fact]
    public async Task A_timer_callback_waiting_for_another_thread_that_creates_a_timer_does_not_deadlock()
    {
        // Advance runs callbacks (and await continuations) inline. A callback that waits for another thread is what a
        // disposed cancellation registration does while its callback runs elsewhere; if that thread needs the clock
        // to create a timer, a lock held across Advance deadlocked both threads.
        var time = new RecordingTimeProvider();
        var waitedInTime = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var timer = time.CreateTimer(
            _ =>
            {
                using var created = new ManualResetEventSlim();
                _ = Task.Run(() =>
                {
                    time.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan).Dispose();
                    created.Set();
                });
                waitedInTime.TrySetResult(created.Wait(Eventually.Bound));
            },
            null,
            TimeSpan.FromSeconds(1),
            Timeout.InfiniteTimeSpan);

        var advancing = Task.Run(() => time.Advance(TimeSpan.FromSeconds(1)));

        Assert.True(await waitedInTime.Task.WaitAsync(Eventually.Bound + Eventually.Bound), "the other thread could not create its timer while the clock was advancing");
        await Eventually.Completes(advancing);
    }
}
