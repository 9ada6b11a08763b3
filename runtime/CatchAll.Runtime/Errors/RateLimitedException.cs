using System;
using System.Collections.Generic;

namespace CatchAll;

/// <summary>HTTP 429: too many requests; wait <see cref="RetryAfter"/> (when given) before trying again.</summary>
public class RateLimitedException : CatchAllApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operationId">The contract operation that failed.</param>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="retryAfter">How long the service asked callers to wait.</param>
    /// <param name="detail">The service's own explanation, when it gave one.</param>
    /// <param name="responseBody">The raw response body, when there was one.</param>
    /// <param name="headers">The response headers (case-insensitive names).</param>
    public RateLimitedException(
        string operationId,
        string message,
        TimeSpan? retryAfter,
        string? detail = null,
        string? responseBody = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? headers = null)
        : base(operationId, 429, message, detail, responseBody, headers)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>The wait the service asked for in <c>Retry-After</c>, or <see langword="null"/> when it gave none.</summary>
    public TimeSpan? RetryAfter { get; }
}
