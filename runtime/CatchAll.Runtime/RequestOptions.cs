using System;
using System.Collections.Generic;
using CatchAll.Runtime;

namespace CatchAll;

/// <summary>Per-call settings, accepted as an optional argument by every generated operation.</summary>
public class RequestOptions
{
    private TimeSpan? _timeout;

    /// <summary>Overrides <see cref="CatchAllClientOptions.Timeout"/> for this call.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive (and not infinite).</exception>
    public TimeSpan? Timeout
    {
        get => _timeout;
        set => _timeout = value is TimeSpan t ? TimeoutValidation.Validate(t, nameof(value)) : null;
    }

    /// <summary>
    /// Extra headers for this call. A header named here replaces one the pipeline or the operation
    /// would send (including <c>x-api-key</c>, for a per-call key). Names are case-insensitive.
    /// </summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Overrides <see cref="CatchAllClientOptions.Retry"/> for this call, e.g.
    /// <c>new RetryOptions { RetryNonIdempotent = true }</c> for a POST known to be safe to repeat.
    /// </summary>
    public RetryOptions? Retry { get; set; }
}
