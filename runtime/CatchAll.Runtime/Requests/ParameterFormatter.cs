using System;
using System.Globalization;

namespace CatchAll.Runtime;

/// <summary>
/// Turns parameter values into the exact text sent in paths, query strings and headers.
/// </summary>
/// <remarks>
/// Always culture-invariant: a client running under de-DE must still send <c>1.5</c>, not <c>1,5</c>,
/// and under tr-TR must still send <c>true</c>. Escaping is <see cref="ApiRequest"/>'s job, not this class's.
/// </remarks>
public static class ParameterFormatter
{
    /// <summary>Returns the string unchanged.</summary>
    /// <param name="value">The value.</param>
    public static string Format(string value) => value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Formats as <c>true</c> or <c>false</c>.</summary>
    /// <param name="value">The value.</param>
    public static string Format(bool value) => value ? "true" : "false";

    /// <summary>Formats with invariant digits and no grouping.</summary>
    /// <param name="value">The value.</param>
    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats with invariant digits and no grouping.</summary>
    /// <param name="value">The value.</param>
    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats as the shortest text that round-trips, with a <c>.</c> decimal separator.</summary>
    /// <param name="value">The value.</param>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Formats as the shortest text that round-trips, with a <c>.</c> decimal separator.</summary>
    /// <param name="value">The value.</param>
    public static string Format(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Formats with a <c>.</c> decimal separator, keeping the value's scale.</summary>
    /// <param name="value">The value.</param>
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats as lowercase hyphenated hex (<c>"D"</c>).</summary>
    /// <param name="value">The value.</param>
    public static string Format(Guid value) => value.ToString("D");

    /// <summary>Formats as ISO 8601 round-trip text (<c>"O"</c>), keeping the offset.</summary>
    /// <param name="value">The value.</param>
    public static string Format(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Formats as ISO 8601 round-trip text (<c>"O"</c>); the <see cref="DateTime.Kind"/> decides the suffix.</summary>
    /// <param name="value">The value.</param>
    public static string Format(DateTime value) => value.ToString("O", CultureInfo.InvariantCulture);

#if NET8_0_OR_GREATER
    /// <summary>Formats as <c>yyyy-MM-dd</c>.</summary>
    /// <param name="value">The value.</param>
    public static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Formats as <c>HH:mm:ss</c>, followed by a fraction only when there is one.</summary>
    /// <param name="value">The value.</param>
    public static string Format(TimeOnly value) => value.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
#endif
}
