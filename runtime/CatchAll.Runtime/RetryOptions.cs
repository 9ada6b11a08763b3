using System;
using System.Globalization;

namespace CatchAll;

/// <summary>
/// How the pipeline retries a call that failed with a transient error
/// (HTTP 408, 429, 500, 502, 503, 504, or a transport failure).
/// </summary>
/// <remarks>
/// Delays grow exponentially (<see cref="BaseDelay"/> × 2^(attempt − 1), capped at <see cref="MaxDelay"/>)
/// with full jitter, unless the server sends <c>Retry-After</c>, which wins. Retries never outlast the
/// call's overall timeout.
/// </remarks>
public class RetryOptions
{
    private int _maxAttempts = 4;
    private TimeSpan _baseDelay = TimeSpan.FromMilliseconds(500);
    private TimeSpan _maxDelay = TimeSpan.FromSeconds(30);
    private TimeSpan _maxRetryAfter = TimeSpan.FromMinutes(5);

    /// <summary>Total number of tries, including the first. <c>1</c> disables retries. Default 4.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxAttempts
    {
        get => _maxAttempts;
        set => _maxAttempts = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxAttempts counts the first try, so it must be at least 1.");
    }

    /// <summary>Delay cap before the first retry; doubles for each later one. Default 500 ms.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan BaseDelay
    {
        get => _baseDelay;
        set => _baseDelay = value >= TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "BaseDelay must not be negative.");
    }

    /// <summary>Upper bound for a computed backoff delay (not for a server's <c>Retry-After</c>). Default 30 s.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan MaxDelay
    {
        get => _maxDelay;
        set => _maxDelay = value >= TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxDelay must not be negative.");
    }

    /// <summary>
    /// The longest server-requested wait (<c>Retry-After</c>) the client honours before a retry. Default 5 minutes.
    /// A longer request ends the call at once with the failure that carried it (a <see cref="RateLimitedException"/>
    /// for HTTP 429, whose <see cref="RateLimitedException.RetryAfter"/> tells the caller how long to wait).
    /// A wait that would outlast the call's <see cref="CatchAllClientOptions.Timeout"/> also ends it at once.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan MaxRetryAfter
    {
        get => _maxRetryAfter;
        set => _maxRetryAfter = value >= TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxRetryAfter must not be negative.");
    }

    /// <summary>
    /// Whether POST and PATCH calls are retried too. Default <see langword="false"/>, because a retried
    /// POST can create a second job or monitor when the first attempt reached the server.
    /// </summary>
    public bool RetryNonIdempotent { get; set; }

    /// <inheritdoc />
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "RetryOptions {{ MaxAttempts={0}, BaseDelay={1}, MaxDelay={2}, MaxRetryAfter={3}, RetryNonIdempotent={4} }}",
        MaxAttempts,
        BaseDelay,
        MaxDelay,
        MaxRetryAfter,
        RetryNonIdempotent ? "true" : "false");
}
