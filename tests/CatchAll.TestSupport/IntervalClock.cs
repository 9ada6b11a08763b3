using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace CatchAll.TestSupport;

/// <summary>
/// A fake clock for waits: the driver advances it by a timer's due time only after the code under test has created
/// that timer, so a step can never run ahead of the timer it is meant to fire. Only waits of at least the polling
/// interval count; a call's own timeout (<c>ignore</c>) is left alone.
/// </summary>
public sealed class IntervalClock : FakeTimeProvider
{
    private readonly TimeSpan _interval;
    private readonly TimeSpan? _ignore;
    private readonly System.Collections.Concurrent.ConcurrentQueue<TimeSpan> _due = new();
    private readonly SemaphoreSlim _scheduled = new(0);

    public IntervalClock(TimeSpan interval, TimeSpan? ignore = null)
    {
        _interval = interval;
        _ignore = ignore;
    }

    public int Steps { get; private set; }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime >= _interval && dueTime != Timeout.InfiniteTimeSpan && dueTime != _ignore)
        {
            _due.Enqueue(dueTime);
            _scheduled.Release();
        }

        return timer;
    }

    /// <summary>Fires each wait's timer as it is created, until <paramref name="task"/> ends or <paramref name="maxSteps"/> were taken.</summary>
    public async Task DriveAsync(Task task, int maxSteps = 100)
    {
        for (Steps = 0; Steps < maxSteps; Steps++)
        {
            var scheduled = _scheduled.WaitAsync();
            if (await Task.WhenAny(task, scheduled).WaitAsync(Eventually.Bound) == task)
            {
                return;
            }

            _due.TryDequeue(out var due);
            Advance(due);
        }

        await Eventually.Completes(task.ContinueWith(_ => { }, TaskScheduler.Default));
    }
}
