using System;

namespace CatchAll.Runtime
{
    /// <summary>How often to poll a long-running resource, and for how long at most.</summary>
    public sealed class PollingOptions
    {
        private TimeSpan _interval = TimeSpan.FromSeconds(30);
        private TimeSpan? _timeout;

        /// <summary>The wait between two polls. Default 30 s, which suits CatchAll jobs that take minutes.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
        public TimeSpan Interval
        {
            get => _interval;
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
        /// The operation named in a <see cref="CatchAllTimeoutException"/> thrown by the wait, e.g. <c>getJobStatus</c>.
        /// Default <c>poll</c>.
        /// </summary>
        public string OperationId { get; set; } = "poll";
    }
}
