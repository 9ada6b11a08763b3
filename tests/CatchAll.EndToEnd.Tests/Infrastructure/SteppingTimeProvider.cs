using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace CatchAll.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows which of its timers are still armed, so a test can move the
/// clock exactly to the next poll instead of guessing step sizes: every poll then happens at a known API time,
/// which makes the stages a wait observes deterministic.
/// </summary>
internal sealed class SteppingTimeProvider : FakeTimeProvider
{
    /// <summary>Real-time guard for a test that stops making progress; it only turns a hang into a failure.</summary>
    private static readonly TimeSpan StallGuard = TimeSpan.FromSeconds(15);

    private readonly object _gate = new();
    private readonly HashSet<TrackedTimer> _timers = [];

    public SteppingTimeProvider(DateTimeOffset start)
        : base(start)
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var tracked = new TrackedTimer(this);
        tracked.Arm(dueTime, period);
        lock (_gate)
        {
            _timers.Add(tracked);
        }

        tracked.Inner = base.CreateTimer(
            s =>
            {
                tracked.OnFired();
                callback(s);
            },
            state,
            dueTime,
            period);
        return tracked;
    }

    /// <summary>Time until the earliest armed timer, when that is at most <paramref name="horizon"/> away.</summary>
    public TimeSpan? NextDueWithin(TimeSpan horizon)
    {
        var now = GetUtcNow();
        TimeSpan? best = null;
        lock (_gate)
        {
            foreach (var timer in _timers)
            {
                if (timer.Due is DateTimeOffset due)
                {
                    var wait = due <= now ? TimeSpan.Zero : due - now;
                    if (best is null || wait < best)
                    {
                        best = wait;
                    }
                }
            }
        }

        return best <= horizon ? best : null;
    }

    /// <summary>
    /// Moves the clock from timer to timer until <paramref name="task"/> ends. The clock only moves while no
    /// request is in flight and only to a timer at most <paramref name="horizon"/> away (a poll interval), so
    /// a request's own 100 s timeout is never what gets fired.
    /// </summary>
    public async Task<T> DriveAsync<T>(Task<T> task, RecordingHandler http, TimeSpan horizon, int maxAdvances = 500)
    {
        for (var i = 0; i < maxAdvances; i++)
        {
            var step = await NextQuietStepAsync(task, http, horizon).ConfigureAwait(false);
            if (step is not TimeSpan advance)
            {
                return await task.WaitAsync(StallGuard).ConfigureAwait(false);
            }

            Advance(advance);
        }

        throw new InvalidOperationException($"The task did not finish within {maxAdvances} clock advances (fake time now {GetUtcNow():O}).");
    }

    /// <summary>Waits (real time, tiny yields) until <paramref name="condition"/> holds.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > StallGuard)
            {
                throw new TimeoutException("Gave up waiting for " + what + ".");
            }

            await Task.Delay(1).ConfigureAwait(false);
        }
    }

    private async Task<TimeSpan?> NextQuietStepAsync(Task task, RecordingHandler http, TimeSpan horizon)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (task.IsCompleted)
            {
                return null;
            }

            if (http.InFlight == 0 && NextDueWithin(horizon) is TimeSpan step)
            {
                return step;
            }

            if (watch.Elapsed > StallGuard)
            {
                throw new TimeoutException($"Nothing to advance to: no request finished and no timer within {horizon} was armed (fake time {GetUtcNow():O}).");
            }

            await Task.Delay(1).ConfigureAwait(false);
        }
    }

    private void Forget(TrackedTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class TrackedTimer(SteppingTimeProvider owner) : ITimer
    {
        private readonly object _gate = new();
        private DateTimeOffset? _due;
        private TimeSpan _period;

        public ITimer? Inner { get; set; }

        public DateTimeOffset? Due
        {
            get
            {
                lock (_gate)
                {
                    return _due;
                }
            }
        }

        public void Arm(TimeSpan dueTime, TimeSpan period)
        {
            lock (_gate)
            {
                _due = dueTime == Timeout.InfiniteTimeSpan ? null : owner.GetUtcNow() + dueTime;
                _period = period;
            }
        }

        public void OnFired()
        {
            lock (_gate)
            {
                _due = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : _due + _period;
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Arm(dueTime, period);
            return Inner?.Change(dueTime, period) ?? false;
        }

        public void Dispose()
        {
            owner.Forget(this);
            Inner?.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
