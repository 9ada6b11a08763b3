using System;
using System.Collections.Generic;
using System.Globalization;

namespace CatchAll.Runtime
{
    /// <summary>Reads <c>Retry-After</c> in either of its forms: delta-seconds or an HTTP date.</summary>
    internal static class RetryAfterHeader
    {
        public static TimeSpan? Read(IReadOnlyDictionary<string, IReadOnlyList<string>> headers, DateTimeOffset now)
        {
            if (!headers.TryGetValue("Retry-After", out IReadOnlyList<string>? values) || values.Count == 0)
            {
                return null;
            }

            string value = values[0].Trim();
            if (double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double seconds))
            {
                // Anything beyond int.MaxValue seconds is nonsense and would overflow TimeSpan arithmetic.
                return seconds <= int.MaxValue ? TimeSpan.FromSeconds(seconds) : null;
            }

            if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset date))
            {
                TimeSpan wait = date - now;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }

            return null;
        }
    }
}
