using System;
using System.Threading;

namespace CatchAll.Emulator;

/// <summary>
/// The API's clock: it runs <c>1 / TimeScale</c> times faster than the underlying
/// <see cref="TimeProvider"/> and can be jumped forward, e.g. to reach a monitor's next run.
/// All timestamps the emulator reports come from this clock.
/// </summary>
public sealed class EmulatorClock
{
    private readonly TimeProvider _provider;
    private readonly DateTimeOffset _providerEpoch;
    private readonly double _speed;
    private long _offsetTicks;
    private Action? _advanced;

    internal EmulatorClock(TimeProvider provider, double timeScale)
    {
        if (!(timeScale > 0) || double.IsInfinity(timeScale))
        {
            throw new ArgumentOutOfRangeException(nameof(timeScale), timeScale, "TimeScale must be a positive number.");
        }

        _provider = provider;
        _providerEpoch = provider.GetUtcNow();
        _speed = 1.0 / timeScale;
    }

    /// <summary>API-clock seconds that pass per second of the underlying time provider.</summary>
    public double Speed => _speed;

    /// <summary>Current time on the API's clock.</summary>
    public DateTimeOffset UtcNow
    {
        get
        {
            var elapsed = _provider.GetUtcNow() - _providerEpoch;
            return _providerEpoch + TimeSpan.FromTicks((long)(elapsed.Ticks * _speed)) + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        }
    }

    /// <summary>Jumps the API's clock forward and lets the emulator react at once (monitor runs, webhooks).</summary>
    /// <param name="apiTime">How far to jump, on the API's clock.</param>
    public void Advance(TimeSpan apiTime)
    {
        if (apiTime < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(apiTime), apiTime, "The clock only moves forward.");
        }

        Interlocked.Add(ref _offsetTicks, apiTime.Ticks);
        _advanced?.Invoke();
    }

    /// <summary>Converts a span of API-clock time to the time it takes on the underlying provider.</summary>
    /// <param name="apiTime">A duration on the API's clock.</param>
    public TimeSpan ToProviderTime(TimeSpan apiTime) => TimeSpan.FromTicks((long)(apiTime.Ticks / _speed));

    internal void OnAdvanced(Action callback) => _advanced = callback;
}
