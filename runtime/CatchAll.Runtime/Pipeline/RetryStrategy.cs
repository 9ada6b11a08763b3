using System;
using System.IO;
using System.Net.Http;
using System.Threading;

namespace CatchAll.Runtime;

/// <summary>Which failures are worth another try, and how long to wait before it.</summary>
internal static class RetryStrategy
{
#if !NET8_0_OR_GREATER
    private static readonly ThreadLocal<Random> Jitter = new ThreadLocal<Random>(() => new Random(Guid.NewGuid().GetHashCode()));
#endif

    public static bool IsRetriableStatus(int statusCode) =>
        statusCode is 408 or 429 or 500 or 502 or 503 or 504;

    public static bool IsTransportFailure(Exception exception) =>
        exception is HttpRequestException or IOException;

    /// <summary>GET, PUT, DELETE, HEAD and OPTIONS may be repeated safely; POST and PATCH only when allowed.</summary>
    public static bool MayRetry(HttpMethod method, RetryOptions retry)
    {
        if (retry.RetryNonIdempotent)
        {
            return true;
        }

        var name = method.Method;
        return string.Equals(name, "GET", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "PUT", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "DELETE", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "HEAD", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "OPTIONS", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The server's <c>Retry-After</c> when it sent one; otherwise exponential backoff with full jitter,
    /// which spreads clients out after a shared outage instead of having them retry in lockstep.
    /// </summary>
    public static TimeSpan NextDelay(int attempt, RetryOptions retry, TimeSpan? retryAfter)
    {
        if (retryAfter is TimeSpan serverDelay)
        {
            return serverDelay;
        }

        var capMs = retry.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
        capMs = Math.Min(capMs, retry.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capMs * NextDouble());
    }

    private static double NextDouble()
    {
#if NET8_0_OR_GREATER
        return Random.Shared.NextDouble();
#else
        return Jitter.Value!.NextDouble();
#endif
    }
}
