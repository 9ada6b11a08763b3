using System;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.EndToEnd.Tests.Infrastructure;
using Xunit;

namespace CatchAll.EndToEnd.Tests;

/// <summary>The fake-clock driver the lifecycle tests rely on: a step and a timer being armed never interleave.</summary>
public sealed class SteppingTimeProviderTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_timer_armed_on_another_thread_while_the_driver_steps_fires_exactly_when_it_was_due()
    {
        // The race behind the old flake: the due time was published before the fake timer existed, so a driver
        // stepping at that moment moved the clock first, and the timer then fired a whole interval late (or never,
        // within the test's budget). Armed here from a thread-pool thread, as the poller does, while the driver spins.
        var time = new SteppingTimeProvider(EmulatorSession.FakeStart);
        using var http = new RecordingHandler();
        for (var round = 0; round < 200; round++)
        {
            // The instant of arming lies between a reading just before and one just after CreateTimer: the driver
            // may step between them (reading once, after, made the test itself racy when that step fired the timer).
            var armedAt = new TaskCompletionSource<(DateTimeOffset Before, DateTimeOffset After)>(TaskCreationOptions.RunContinuationsAsynchronously);
            var firedAt = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
            ITimer? timer = null;
            var arming = Task.Run(() =>
            {
                var before = time.GetUtcNow();
                timer = time.CreateTimer(_ => firedAt.TrySetResult(time.GetUtcNow()), null, Interval, Timeout.InfiniteTimeSpan);
                armedAt.TrySetResult((before, time.GetUtcNow()));
            });

            while (!firedAt.Task.IsCompleted)
            {
                if (!time.TryStep(http, Interval))
                {
                    await Task.Yield();
                }
            }

            await arming;
            timer!.Dispose();
            var (before, after) = await armedAt.Task;
            var fired = await firedAt.Task;
            Assert.InRange(fired, before + Interval, after + Interval);
        }
    }

    [Fact]
    public async Task A_timer_callback_waiting_for_another_thread_that_arms_a_timer_does_not_deadlock_the_step()
    {
        // What a disposed cancellation registration does while its callback runs on another thread: wait for it.
        // When that thread needs the clock's lock (to arm or dispose a timer), a callback run inside the lock
        // deadlocked both threads at 0 CPU.
        var time = new SteppingTimeProvider(EmulatorSession.FakeStart);
        using var http = new RecordingHandler();
        var waitedInTime = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var timer = time.CreateTimer(
            _ =>
            {
                using var armed = new ManualResetEventSlim();
                _ = Task.Run(() =>
                {
                    time.CreateTimer(_ => { }, null, Interval, Timeout.InfiniteTimeSpan).Dispose();
                    armed.Set();
                });
                waitedInTime.TrySetResult(armed.Wait(TimeSpan.FromSeconds(20)));
            },
            null,
            Interval,
            Timeout.InfiniteTimeSpan);

        var stepping = Task.Run(() => time.TryStep(http, Interval));

        Assert.True(await waitedInTime.Task.WaitAsync(TimeSpan.FromSeconds(40)), "the other thread could not arm its timer while the clock was stepping");
        Assert.True(await stepping.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public void A_step_moves_the_clock_exactly_to_the_next_due_time_and_not_while_a_request_is_in_flight()
    {
        var time = new SteppingTimeProvider(EmulatorSession.FakeStart);
        using var http = new RecordingHandler();
        var fired = 0;
        using var soon = time.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);
        using var later = time.CreateTimer(_ => fired += 10, null, TimeSpan.FromSeconds(7), Timeout.InfiniteTimeSpan);

        Assert.True(time.TryStep(http, TimeSpan.FromSeconds(5)));
        Assert.Equal(EmulatorSession.FakeStart.AddSeconds(3), time.GetUtcNow());
        Assert.Equal(1, fired);
        Assert.False(time.TryStep(http, TimeSpan.FromSeconds(3)), "the next timer is 4 s away, beyond the horizon");
        Assert.True(time.TryStep(http, TimeSpan.FromSeconds(5)));
        Assert.Equal(11, fired);
        Assert.False(time.TryStep(http, TimeSpan.FromDays(1)), "nothing is armed any more");
    }
}
