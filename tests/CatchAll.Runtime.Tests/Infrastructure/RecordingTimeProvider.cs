using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace CatchAll.Runtime.Tests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also records every timer's due time, so tests can assert the delay
/// the code asked for rather than measuring wall time.
/// </summary>
/// <remarks>
/// A due time is published only once its fake timer exists, so a test that sees a due time and advances by it always
/// fires that timer: the timer was scheduled relative to a clock no later than the one being advanced. No lock is held
/// while the clock moves: <see cref="FakeTimeProvider.Advance"/> runs timer callbacks, and through them await
/// continuations, inline; under a lock shared with <see cref="CreateTimer"/>, a continuation waiting for another thread
/// that was creating a timer (a cancellation callback being disposed, say) deadlocked both at 0 CPU.
/// </remarks>
public sealed class RecordingTimeProvider : FakeTimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _dueTimes = new();

    public IReadOnlyList<TimeSpan> DueTimes => _dueTimes.ToArray();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _dueTimes.Enqueue(dueTime);
        return timer;
    }

    /// <summary>Waits for the n-th (1-based) timer whose due time is not <paramref name="ignore"/> and returns its due time.</summary>
    public async Task<TimeSpan> WaitForTimerAsync(int n = 1, TimeSpan? ignore = null)
    {
        var matching = Array.Empty<TimeSpan>();
        await Eventually.TrueAsync(
            () => (matching = DueTimes.Where(d => d != ignore).ToArray()).Length >= n,
            $"timer #{n} (due times so far: {string.Join(", ", DueTimes)})");
        return matching[n - 1];
    }

    /// <summary>Advances fake time in steps until <paramref name="task"/> finishes, letting real I/O run in between.</summary>
    public async Task DriveAsync(Task task, TimeSpan step, int maxSteps = 200)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            Advance(step);
            await Task.WhenAny(task, Task.Delay(10));
        }

        await Eventually.Completes(task.ContinueWith(_ => { }, TaskScheduler.Default));
    }
}
