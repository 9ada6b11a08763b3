using System;
using System.Collections.Generic;
using System.Globalization;

namespace CatchAll.Runtime;

/// <summary>
/// Reads <c>Retry-After</c> in either of its forms: delta-seconds or an HTTP date. Absurd values are kept, as
/// <see cref="TimeSpan.MaxValue"/> at most, so the caller can see the server asked for too long (and refuse)
/// rather than have them overflow or be mistaken for no request at all.
/// </summary>
internal static class RetryAfterHeader
{
    private static readonly double MaxSeconds = TimeSpan.MaxValue.TotalSeconds / 2;

    public static TimeSpan? Read(IReadOnlyDictionary<string, IReadOnlyList<string>> headers, DateTimeOffset now)
    {
        if (!headers.TryGetValue("Retry-After", out var values) || values.Count == 0)
        {
            return null;
        }

        var value = values[0].Trim();
        if (double.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var seconds) && !double.IsNaN(seconds))
        {
            // TimeSpan.FromSeconds overflows near TimeSpan.MaxValue; a wait that long is "never" anyway.
            return seconds >= MaxSeconds ? TimeSpan.MaxValue : TimeSpan.FromSeconds(seconds);
        }

        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
