using System;
using System.Globalization;

namespace CatchAll.Emulator.Http;

/// <summary>The timestamp formats the API uses.</summary>
internal static class Iso
{
    /// <summary>UTC with a Z suffix, whole seconds: 2026-02-24T13:57:56Z.</summary>
    public static string Utc(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Entity and dataset endpoints print server time without an offset, with microseconds.</summary>
    public static string Naive(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    /// <summary>UTC with a +00:00 offset, as Python's isoformat prints it: microseconds only when there are any.</summary>
    public static string Offset(DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        var format = utc.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'+00:00'" : "yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'";
        return utc.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>Monitor windows are printed without an offset, whole seconds.</summary>
    public static string NaiveSeconds(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool TryParse(string text, out DateTimeOffset value)
    {
        // A value without an offset is taken as UTC, as the API does.
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }
}
