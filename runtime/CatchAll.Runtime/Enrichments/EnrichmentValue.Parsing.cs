using System;
using System.Globalization;
using System.Text;

namespace CatchAll;

/// <summary>The text rules both readers share: what counts as a number, a date, a URL and an option key.</summary>
public static partial class EnrichmentValue
{
    // Extractors write "25,000,000" and "2.5e7" as often as 25000000 (commas are checked to be thousands separators).
    private const NumberStyles Numbers = NumberStyles.Float | NumberStyles.AllowThousands;

    // Explicit forms only, each with a year and none numeric-ambiguous: an open parse read "05/12/2026" as May 12 and
    // gave "10:30" today's date from the machine clock, wrong values with no problem recorded.
    private static readonly string[] DateForms =
    {
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm",
        "yyyy-MM", "yyyy/MM/dd",
        "MMMM d, yyyy", "MMM d, yyyy", "MMMM d yyyy", "MMM d yyyy", "d MMMM yyyy", "d MMM yyyy", "d MMMM, yyyy", "d MMM, yyyy",
        "dddd, MMMM d, yyyy", "ddd, MMM d, yyyy", "MMMM yyyy", "MMM yyyy", "MMMM, yyyy",
        "ddd, dd MMM yyyy HH:mm:ss 'GMT'",
    };

    /// <summary>
    /// The letters and digits of an option value, lower-cased: "Series B", "series-b", "SERIES_B" and "SeriesB"
    /// all give "seriesb", so an extractor's spelling still finds the member.
    /// </summary>
    /// <param name="text">An option value or member name.</param>
    public static string OptionKey(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>A string value trimmed; null for a blank one.</summary>
    private static string? Trimmed(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }

    /// <summary>A numeric string's text (trimmed, null when blank), refused when its commas are not thousands separators.</summary>
    private static bool NumericString(string text, out string? trimmed)
    {
        trimmed = Trimmed(text);
        return trimmed is null || trimmed.IndexOf(',') < 0 || Grouped(trimmed);
    }

    /// <summary>
    /// Commas only as thousands separators (groups of three before the point): "25,000,000" is 25 million, while
    /// "12,5" (a decimal comma) is refused rather than read as 125.
    /// </summary>
    private static bool Grouped(string text)
    {
        var start = text[0] is '+' or '-' ? 1 : 0;
        var end = text.IndexOfAny(new[] { '.', 'e', 'E' });
        var integer = text.Substring(start, (end < 0 ? text.Length : end) - start);
        var groups = integer.Split(',');
        if (groups[0].Length is 0 or > 3)
        {
            return false;
        }

        for (var i = 1; i < groups.Length; i++)
        {
            if (groups[i].Length != 3)
            {
                return false;
            }
        }

        return end < 0 || text.IndexOf(',', end) < 0;
    }

    private static bool ParseDecimal(bool ok, string? text, out decimal? value)
    {
        value = null;
        if (!ok)
        {
            return false;
        }

        if (text is null)
        {
            return true;
        }

        if (decimal.TryParse(text, Numbers, CultureInfo.InvariantCulture, out var number))
        {
            value = number;
            return true;
        }

        return false;
    }

    private static bool ParseDouble(bool ok, string? text, out double? value)
    {
        value = null;
        if (!ok)
        {
            return false;
        }

        if (text is null)
        {
            return true;
        }

        if (double.TryParse(text, Numbers, CultureInfo.InvariantCulture, out var number) && !double.IsNaN(number) && !double.IsInfinity(number))
        {
            value = number;
            return true;
        }

        return false;
    }

    private static bool ParseDate(bool ok, string? text, out DateTimeOffset? value)
    {
        value = null;
        if (!ok)
        {
            return false;
        }

        if (text is null)
        {
            return true;
        }

        if (!DateTimeOffset.TryParseExact(text, DateForms, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowInnerWhite, out var date))
        {
            return false;
        }

        value = date;
        return true;
    }

    private static bool ParseUrl(bool ok, string? text, out Uri? value)
    {
        value = null;
        if (!ok)
        {
            return false;
        }

        if (text is null)
        {
            return true;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            value = uri;
            return true;
        }

        if (text.IndexOf("://", StringComparison.Ordinal) < 0 && text.IndexOf('.') > 0 && text.IndexOf(' ') < 0
            && Uri.TryCreate("https://" + text, UriKind.Absolute, out uri))
        {
            value = uri;
            return true;
        }

        return false;
    }

    private static bool SingleOf(bool ok, double? number, out float? value)
    {
        value = null;
        if (!ok)
        {
            return false;
        }

        if (number is { } d)
        {
            var single = (float)d;
            if (float.IsInfinity(single))
            {
                return false;
            }

            value = single;
        }

        return true;
    }

    /// <summary>A whole number in [min, max] from a decimal read ("25000000.0" counts; 2.5 does not).</summary>
    private static bool WholeOf(bool ok, decimal? number, decimal min, decimal max, out decimal? value)
    {
        value = null;
        if (!ok)
        {
            return false;
        }

        if (number is { } d)
        {
            if (decimal.Truncate(d) != d || d < min || d > max)
            {
                return false;
            }

            value = d;
        }

        return true;
    }

    private static bool Narrow<TNarrow>(bool ok, long? wide, Func<long, TNarrow> narrow, out TNarrow? value)
        where TNarrow : struct
    {
        value = ok && wide is { } w ? narrow(w) : null;
        return ok;
    }
}
