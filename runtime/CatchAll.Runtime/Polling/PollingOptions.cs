using System;
using System.ComponentModel;
using CatchAll.Runtime;

namespace CatchAll;

/// <summary>How often to poll a long-running resource, and for how long at most.</summary>
public sealed class PollingOptions
{
    private const string DefaultOperationId = "poll";
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan DefaultTransientFailureTolerance = TimeSpan.FromMinutes(5);

    // Unset stays unset so a generated helper can put the interval its spec declares in its place.
    private TimeSpan? _interval;
    private TimeSpan? _timeout;
    private string? _operationId;
    private TimeSpan _transientFailureTolerance = DefaultTransientFailureTolerance;

    /// <summary>
    /// The wait between two polls. When not set, a generated wait helper uses the interval its spec declares
    /// (<c>x-catchall-wait: interval-seconds</c>: 30 s for CatchAll jobs, 5 s for datasets); elsewhere 30 s.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan Interval
    {
        get => _interval ?? DefaultInterval;
        set => _interval = value >= TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "The polling interval must not be negative.");
    }

    /// <summary>
    /// The longest the whole wait may take, after which <see cref="CatchAllTimeoutException"/> is thrown.
    /// Default <see langword="null"/>: no limit (use a cancellation token instead).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive (and not infinite).</exception>
    public TimeSpan? Timeout
    {
        get => _timeout;
        set => _timeout = value is TimeSpan t ? TimeoutValidation.Validate(t, nameof(value)) : null;
    }

    /// <summary>
    /// How long a wait keeps polling through transient failures of the poll itself (HTTP 408, 429, 500, 502,
    /// 503, 504, a transport failure, one poll timing out, or a partial-results wait's pages contradicting
    /// themselves) before it gives up with the last of them. Default
    /// 5 minutes, counted from the first failure of an unbroken run; any successful poll starts the count again.
    /// Between failed polls the wait keeps its interval, or waits longer when a 429 asks for it.
    /// <see cref="TimeSpan.Zero"/> gives up at the first failure.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan TransientFailureTolerance
    {
        get => _transientFailureTolerance;
        set => _transientFailureTolerance = value >= TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "TransientFailureTolerance must not be negative.");
    }

    /// <summary>
    /// The operation named in a <see cref="CatchAllTimeoutException"/> thrown by the wait, e.g. <c>getJobStatus</c>.
    /// When not set, a generated wait helper names the operation it polls; elsewhere <c>poll</c>.
    /// </summary>
    public string OperationId
    {
        get => _operationId ?? DefaultOperationId;
        set => _operationId = value;
    }

    /// <summary>
    /// For generated wait helpers: <paramref name="polling"/> with what the caller left unset taken from the
    /// polled operation (its name and the interval its spec declares). The caller's instance is not changed.
    /// </summary>
    /// <param name="polling">The caller's options, or <see langword="null"/>.</param>
    /// <param name="operationId">The polled operation.</param>
    /// <param name="defaultInterval">The interval the spec declares for it.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static PollingOptions ForOperation(PollingOptions? polling, string operationId, TimeSpan defaultInterval)
    {
        if (polling is { _interval: not null, _operationId: not null })
        {
            return polling;
        }

        return new PollingOptions
        {
            _interval = polling?._interval ?? defaultInterval,
            _timeout = polling?._timeout,
            _operationId = polling?._operationId ?? operationId,
            _transientFailureTolerance = polling?._transientFailureTolerance ?? DefaultTransientFailureTolerance,
        };
    }
}
