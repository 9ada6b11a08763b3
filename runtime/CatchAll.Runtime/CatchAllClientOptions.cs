using System;
using System.Collections.Generic;
using System.Globalization;
using CatchAll.Runtime;
using Microsoft.Extensions.Logging;

namespace CatchAll;

/// <summary>Settings shared by every call a generated CatchAll client makes.</summary>
/// <remarks>
/// The pipeline reads these on every call, so changes made after the client was created take effect
/// on the next call. <see cref="ToString"/> never reveals <see cref="ApiKey"/>.
/// </remarks>
public class CatchAllClientOptions
{
    /// <summary>The default overall time limit of one call, retries included.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(100);

    /// <summary>The default <see cref="MaxResponseBodySize"/>: 256 MiB.</summary>
    public const long DefaultMaxResponseBodySize = 256L * 1024 * 1024;

    /// <summary>The default <see cref="MaxErrorBodySize"/>: 1 MiB.</summary>
    public const int DefaultMaxErrorBodySize = 1024 * 1024;

    // The largest array .NET allocates (Array.MaxLength), less the spare byte the reader keeps.
    private const long LargestBody = 0x7FFFFFC7 - 1;

    private Uri? _baseAddress;
    private RetryOptions _retry = new RetryOptions();
    private TimeSpan _timeout = DefaultTimeout;
    private TimeProvider _timeProvider = TimeProvider.System;
    private long _maxResponseBodySize = DefaultMaxResponseBodySize;
    private int _maxErrorBodySize = DefaultMaxErrorBodySize;

    /// <summary>
    /// The API key, sent as the <c>x-api-key</c> header. Never written to logs, exception messages or
    /// <see cref="ToString"/>. <see langword="null"/> sends no key, which only a loopback address (the emulator's)
    /// accepts: building a client for any other address without a key throws <see cref="ArgumentException"/>.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The service root, e.g. <c>https://catchall.example.com/</c>; a path in it is kept and the operation
    /// path is appended. <see langword="null"/> uses the HttpClient's base address, then the generated client's default.
    /// </summary>
    /// <exception cref="ArgumentException">The address is not absolute, or not http or https.</exception>
    public Uri? BaseAddress
    {
        get => _baseAddress;
        set => _baseAddress = value is null || EndpointValidation.IsHttp(value)
            ? value
            : throw new ArgumentException(EndpointValidation.NotHttpMessage(value, "BaseAddress"), nameof(value));
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

    /// <summary>
    /// The largest successful response body the client reads, in bytes. Default 256 MiB. A larger body, or a
    /// Content-Length declaring one, ends the call with <see cref="CatchAll.ResponseTooLargeException"/> before
    /// more than the limit is read. Bodies handed over as a stream are not limited.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive or exceeds the largest array .NET can allocate (about 2 GiB).</exception>
    public long MaxResponseBodySize
    {
        get => _maxResponseBodySize;
        set => _maxResponseBodySize = value > 0 && value <= LargestBody
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxResponseBodySize must be positive and at most " + LargestBody.ToString(CultureInfo.InvariantCulture) + " bytes.");
    }

    /// <summary>
    /// How much of an error response's body (HTTP 4xx/5xx) the client keeps, in bytes. Default 1 MiB. The rest
    /// is not read; <see cref="CatchAllApiException.ResponseBody"/> then holds the first part and the message says it was cut.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int MaxErrorBodySize
    {
        get => _maxErrorBodySize;
        set => _maxErrorBodySize = value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxErrorBodySize must not be negative.");
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
