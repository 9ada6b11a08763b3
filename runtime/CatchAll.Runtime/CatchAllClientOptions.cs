using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Logging;
using CatchAll.Runtime;

namespace CatchAll
{
    /// <summary>Settings shared by every call a generated CatchAll client makes.</summary>
    /// <remarks>
    /// The pipeline reads these on every call, so changes made after the client was created take effect
    /// on the next call. <see cref="ToString"/> never reveals <see cref="ApiKey"/>.
    /// </remarks>
    public class CatchAllClientOptions
    {
        /// <summary>The default overall time limit of one call, retries included.</summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(100);

        private Uri? _baseAddress;
        private RetryOptions _retry = new RetryOptions();
        private TimeSpan _timeout = DefaultTimeout;
        private TimeProvider _timeProvider = TimeProvider.System;

        /// <summary>
        /// The API key, sent as the <c>x-api-key</c> header. Never written to logs, exception messages or
        /// <see cref="ToString"/>. <see langword="null"/> sends no key.
        /// </summary>
        public string? ApiKey { get; set; }

        /// <summary>
        /// The service root, e.g. <c>https://catchall.example.com/</c>; a path in it is kept and the operation
        /// path is appended. <see langword="null"/> uses the HttpClient's base address, then the generated client's default.
        /// </summary>
        /// <exception cref="ArgumentException">The address is not absolute.</exception>
        public Uri? BaseAddress
        {
            get => _baseAddress;
            set => _baseAddress = value is null || value.IsAbsoluteUri
                ? value
                : throw new ArgumentException("BaseAddress must be an absolute URI such as https://host/.", nameof(value));
        }

        /// <summary>Retry behaviour for transient failures.</summary>
        /// <exception cref="ArgumentNullException">The value is null.</exception>
        public RetryOptions Retry
        {
            get => _retry;
            set => _retry = value ?? throw new ArgumentNullException(nameof(value));
        }

        /// <summary>
        /// Overall time limit of one call, including every retry and its delay. Default 100 s.
        /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> disables the limit. When it elapses the call throws
        /// <see cref="CatchAllTimeoutException"/>.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is not positive (and not infinite).</exception>
        public TimeSpan Timeout
        {
            get => _timeout;
            set => _timeout = TimeoutValidation.Validate(value, nameof(value));
        }

        /// <summary>The clock used for timeouts and retry delays. Tests can supply a fake one.</summary>
        /// <exception cref="ArgumentNullException">The value is null.</exception>
        public TimeProvider TimeProvider
        {
            get => _timeProvider;
            set => _timeProvider = value ?? throw new ArgumentNullException(nameof(value));
        }

        /// <summary>Where the pipeline logs (category <c>CatchAll.Runtime</c>). <see langword="null"/> disables logging.</summary>
        public ILoggerFactory? LoggerFactory { get; set; }

        /// <summary>
        /// The <c>User-Agent</c> header value. <see langword="null"/> sends <c>CatchAll.Runtime/&lt;version&gt;</c>.
        /// </summary>
        public string? UserAgent { get; set; }

        /// <summary>
        /// Headers sent with every request of the client (names compare case-insensitively). An operation's own
        /// headers and <see cref="RequestOptions.Headers"/> of a call override one of the same name. Secret-looking
        /// ones (<c>Authorization</c>, <c>Cookie</c>) are redacted in logs like the API key.
        /// </summary>
        public IDictionary<string, string> DefaultHeaders { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Describes the options with the API key redacted (<c>ApiKey=***</c> or <c>ApiKey=&lt;none&gt;</c>).</summary>
        public override string ToString() => string.Format(
            CultureInfo.InvariantCulture,
            "CatchAllClientOptions {{ ApiKey={0}, BaseAddress={1}, Timeout={2}, Retry={3}, UserAgent={4} }}",
            string.IsNullOrEmpty(ApiKey) ? "<none>" : "***",
            BaseAddress?.ToString() ?? "<default>",
            Timeout == System.Threading.Timeout.InfiniteTimeSpan ? "infinite" : Timeout.ToString(),
            Retry,
            UserAgent ?? "<default>");
    }
}
