using System;
using System.Globalization;

namespace CatchAll
{
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
        /// Whether POST and PATCH calls are retried too. Default <see langword="false"/>, because a retried
        /// POST can create a second job or monitor when the first attempt reached the server.
        /// </summary>
        public bool RetryNonIdempotent { get; set; }

        /// <inheritdoc />
        public override string ToString() => string.Format(
            CultureInfo.InvariantCulture,
            "RetryOptions {{ MaxAttempts={0}, BaseDelay={1}, MaxDelay={2}, RetryNonIdempotent={3} }}",
            MaxAttempts,
            BaseDelay,
            MaxDelay,
            RetryNonIdempotent ? "true" : "false");
    }
}
