using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace CatchAll.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows which of its timers are still armed, so a test can move the
/// clock exactly to the next poll instead of guessing step sizes: every poll then happens at a known API time,
/// which makes the stages a wait observes deterministic.
/// </summary>
/// <remarks>
/// Arming a timer (create, change, dispose) and a driver's step (find the next due time, advance to it) hold
/// one lock, so the driver never sees a due time whose fake timer does not exist yet, and a timer is never
/// created relative to a clock that moved between publishing its due time and creating it. Timer callbacks
/// run on the stepping thread, in firing order, but only after the step has released the lock: a callback (and
/// the await continuations it runs inline) that waited for another thread arming or disposing a timer used to
/// deadlock both at 0 CPU when it ran inside the lock.
/// </remarks>
internal sealed class SteppingTimeProvider : FakeTimeProvider
{
    /// <summary>Real-time guard for a test that stops making progress; it only turns a hang into a failure.</summary>
    private static readonly TimeSpan StallGuard = TimeSpan.FromSeconds(15);

    private readonly object _gate = new();
    private readonly HashSet<TrackedTimer> _timers = [];
    private readonly List<(TimerCallback Callback, object? State)> _deferred = [];
    private long _fired;
    private int _steppingThread;

    public SteppingTimeProvider(DateTimeOffset start)
        : base(start)
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var tracked = new TrackedTimer(this);
        lock (_gate)
        {
            tracked.Arm(dueTime, period);
            _timers.Add(tracked);
            tracked.Inner = base.CreateTimer(
                s =>
                {
                    tracked.OnFired();
                    Interlocked.Increment(ref _fired);
                    if (Volatile.Read(ref _steppingThread) == Environment.CurrentManagedThreadId)
                    {
                        _deferred.Add((callback, s));
                    }
                    else
                    {
                        callback(s);
                    }
                },
                state,
                dueTime,
                period);
        }

        return tracked;
    }

    /// <summary>Time until the earliest armed timer, when that is at most <paramref name="horizon"/> away.</summary>
    public TimeSpan? NextDueWithin(TimeSpan horizon)
    {
        lock (_gate)
        {
            var now = GetUtcNow();
            TimeSpan? best = null;
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

            return best <= horizon ? best : null;
        }
    }

    /// <summary>
    /// One atomic step: when no request is in flight, moves the clock to the earliest timer due within
    /// <paramref name="horizon"/> and checks that a timer fired. Returns false when there is nothing to step to yet.
    /// </summary>
    /// <exception cref="InvalidOperationException">The clock moved to a due time but no timer fired.</exception>
    public bool TryStep(RecordingHandler http, TimeSpan horizon)
    {
        (TimerCallback Callback, object? State)[] due;
        lock (_gate)
        {
            if (http.InFlight != 0 || NextDueWithin(horizon) is not TimeSpan step)
            {
                return false;
            }

            var from = GetUtcNow();
            var fired = Interlocked.Read(ref _fired);
            Volatile.Write(ref _steppingThread, Environment.CurrentManagedThreadId);
            try
            {
                Advance(step);
            }
            finally
            {
                Volatile.Write(ref _steppingThread, 0);
            }

            due = [.. _deferred];
            _deferred.Clear();
            if (Interlocked.Read(ref _fired) == fired)
            {
                throw new InvalidOperationException(
                    $"Advanced the fake clock by {step} from {from:O} to {from + step:O}, where a timer was due, but no timer fired. Armed due times: {string.Join(", ", DueTimes())}.");
            }
        }

        // Outside the lock: see the remarks.
        foreach (var (callback, state) in due)
        {
            callback(state);
        }

        return true;
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
            if (!await StepWhenQuietAsync(task, http, horizon).ConfigureAwait(false))
            {
                return await task.WaitAsync(StallGuard).ConfigureAwait(false);
            }
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

    /// <summary>Steps once when the system is quiet; false when <paramref name="task"/> ended first.</summary>
    private async Task<bool> StepWhenQuietAsync(Task task, RecordingHandler http, TimeSpan horizon)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (task.IsCompleted)
            {
                return false;
            }

            if (TryStep(http, horizon))
            {
                return true;
            }

            if (watch.Elapsed > StallGuard)
            {
                throw new TimeoutException($"Nothing to advance to: no request finished and no timer within {horizon} was armed (fake time {GetUtcNow():O}).");
            }

            await Task.Delay(1).ConfigureAwait(false);
        }
    }

    private List<string> DueTimes()
    {
        var due = new List<string>();
        foreach (var timer in _timers)
        {
            due.Add(timer.Due is DateTimeOffset at ? at.ToString("O", CultureInfo.InvariantCulture) : "(disarmed)");
        }

        return due;
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
            lock (owner._gate)
            {
                Arm(dueTime, period);
                return Inner?.Change(dueTime, period) ?? false;
            }
        }

        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
                Inner?.Dispose();
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
