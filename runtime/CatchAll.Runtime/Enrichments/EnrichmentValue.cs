using System;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CatchAll
{
    /// <summary>
    /// Tolerant reads of one enrichment value, for the readers the generator emits. Each returns true with a
    /// value, true with null (the field is JSON null or an empty string), or false when the value cannot be read
    /// as the type; the caller then keeps it as an <see cref="EnrichmentProblem"/>. Never throws for bad input.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class EnrichmentValue
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

        /// <summary>Text: a JSON string, or a number's or boolean's JSON text.</summary>
        /// <param name="element">The value.</param>
        /// <param name="value">The text; null for JSON null.</param>
        public static bool TryText(JsonElement element, out string? value)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    value = element.GetString();
                    return true;
                case JsonValueKind.Number:
                case JsonValueKind.True:
                case JsonValueKind.False:
                    value = element.GetRawText();
                    return true;
                default:
                    value = null;
                    return IsAbsent(element);
            }
        }

        /// <summary>A number, or a string holding one (invariant culture, thousands separators allowed).</summary>
        /// <param name="element">The value.</param>
        /// <param name="value">The number; null for JSON null or an empty string.</param>
        public static bool TryDecimal(JsonElement element, out decimal? value)
        {
            value = null;
            if (element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var direct))
            {
                // Read from the token's bytes: no string is made for the common case.
                value = direct;
                return true;
            }

            if (!TryNumberText(element, out var text))
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

        /// <summary>A finite double, from a number or a numeric string.</summary>
        /// <param name="element">The value.</param>
        /// <param name="value">The number; null for JSON null or an empty string.</param>
        public static bool TryDouble(JsonElement element, out double? value)
        {
            value = null;
            if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var direct) && !double.IsInfinity(direct))
            {
                value = direct;
                return true;
            }

            if (!TryNumberText(element, out var text))
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

        /// <summary>A finite float, from a number or a numeric string.</summary>
        /// <param name="element">The value.</param>
        /// <param name="value">The number; null for JSON null or an empty string.</param>
        public static bool TrySingle(JsonElement element, out float? value)
        {
            value = null;
            if (!TryDouble(element, out var number))
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

        /// <summary>A whole number within <see cref="long"/>'s range ("25000000.0" counts; 2.5 does not).</summary>
        /// <param name="element">The value.</param>
        /// <param name="value">The number; null for JSON null or an empty string.</param>
        public static bool TryInt64(JsonElement element, out long? value) => TryInteger(element, long.MinValue, long.MaxValue, out value);

        /// <summary>A whole number within <see cref="int"/>'s range.</summary>
        /// <param name="element">The value.</param>
        /// <param name="value">The number; null for JSON null or an empty string.</param>
        public static bool TryInt32(JsonElement element, out int? value) => Narrow(TryInteger(element, int.MinValue, int.MaxValue, out var wide), wide, w => (int)w, out value);

        /// <summary>A whole number within <see cref="short"/>'s range.</summary>
        /// <param name="element">The value.</param>
        /// <param name="value">The number; null for JSON null or an empty string.</param>
        public static bool TryInt16(JsonElement element, out short? value) => Narrow(TryInteger(element, short.MinValue, short.MaxValue, out var wide), wide, w => (short)w, out value);

        /// <summary>A whole number within <see cref="sbyte"/>'s range.</summary>
        /// <param name="element">The value.</param>
        /// <param name="value">The number; null for JSON null or an empty string.</param>
        public static bool TrySByte(JsonElement element, out sbyte? value) => Narrow(TryInteger(element, sbyte.MinValue, sbyte.MaxValue, out var wide), wide, w => (sbyte)w, out value);

        /// <summary>A whole number within <see cref="byte"/>'s range.</summary>
        /// <param name="element">The value.</param>
        /// <param name="value">The number; null for JSON null or an empty string.</param>
        public static bool TryByte(JsonElement element, out byte? value) => Narrow(TryInteger(element, byte.MinValue, byte.MaxValue, out var wide), wide, w => (byte)w, out value);

        /// <summary>A whole number within <see cref="ushort"/>'s range.</summary>
        /// <param name="element">The value.</param>
        /// <param name="value">The number; null for JSON null or an empty string.</param>
        public static bool TryUInt16(JsonElement element, out ushort? value) => Narrow(TryInteger(element, ushort.MinValue, ushort.MaxValue, out var wide), wide, w => (ushort)w, out value);

        /// <summary>A whole number within <see cref="uint"/>'s range.</summary>
        /// <param name="element">The value.</param>
        /// <param name="value">The number; null for JSON null or an empty string.</param>
        public static bool TryUInt32(JsonElement element, out uint? value) => Narrow(TryInteger(element, uint.MinValue, uint.MaxValue, out var wide), wide, w => (uint)w, out value);

        /// <summary>A whole number within <see cref="ulong"/>'s range.</summary>
        /// <param name="element">The value.</param>
        /// <param name="value">The number; null for JSON null or an empty string.</param>
        public static bool TryUInt64(JsonElement element, out ulong? value)
        {
            value = null;
            if (!TryDecimal(element, out var number))
            {
                return false;
            }

            if (number is { } d)
            {
                if (decimal.Truncate(d) != d || d < ulong.MinValue || d > ulong.MaxValue)
                {
                    return false;
                }

                value = (ulong)d;
            }

            return true;
        }

        /// <summary>
        /// A date or date-time in one of the explicit forms, each with a year: ISO 8601 ("2026-02-17" is midnight UTC),
        /// year-month ("2026-02"), or month names ("February 17, 2026", "17 Feb 2026"); without an offset, UTC.
        /// Numeric day/month orders and strings without a year are refused.
        /// </summary>
        /// <param name="element">The value.</param>
        /// <param name="value">The date; null for JSON null or an empty string.</param>
        public static bool TryDate(JsonElement element, out DateTimeOffset? value)
        {
            value = null;
            if (!TryTrimmed(element, out var text))
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

        /// <summary>An absolute URL; a bare host such as "example.com/page" is read as https.</summary>
        /// <param name="element">The value.</param>
        /// <param name="value">The URL; null for JSON null or an empty string.</param>
        public static bool TryUrl(JsonElement element, out Uri? value)
        {
            value = null;
            if (!TryTrimmed(element, out var text))
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

        /// <summary>An option's match key (see <see cref="OptionKey"/>); the generated reader maps it to an enum member.</summary>
        /// <param name="element">The value.</param>
        /// <param name="key">The key; null for JSON null or an empty string.</param>
        public static bool TryOption(JsonElement element, out string? key)
        {
            key = null;
            if (element.ValueKind == JsonValueKind.String)
            {
                var text = OptionKey(element.GetString()!);
                key = text.Length == 0 ? null : text;
                return true;
            }

            return IsAbsent(element);
        }

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

        /// <summary>An object read through generated metadata (a company enrichment); anything else, or an object of another shape, fails.</summary>
        /// <typeparam name="TValue">The model type.</typeparam>
        /// <param name="element">The value.</param>
        /// <param name="typeInfo">The model's metadata, from the generated CatchAllClientJson.</param>
        /// <param name="value">The model; null for JSON null.</param>
        public static bool TryObject<TValue>(JsonElement element, JsonTypeInfo<TValue> typeInfo, out TValue? value)
            where TValue : class
        {
            value = null;
            if (element.ValueKind != JsonValueKind.Object)
            {
                return IsAbsent(element);
            }

            try
            {
                value = element.Deserialize(typeInfo);
                return value is not null;
            }
            catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or NotSupportedException or ArgumentException)
            {
                return false;
            }
        }

        private static bool IsAbsent(JsonElement element) => element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;

        /// <summary>A JSON string, trimmed; null text (and true) for JSON null or a blank string, false for any other kind.</summary>
        private static bool TryTrimmed(JsonElement element, out string? text)
        {
            text = null;
            if (element.ValueKind != JsonValueKind.String)
            {
                return IsAbsent(element);
            }

            var trimmed = element.GetString()!.Trim();
            text = trimmed.Length == 0 ? null : trimmed;
            return true;
        }

        /// <summary>The text of a number token or a trimmed string; null text for null or an empty string.</summary>
        private static bool TryNumberText(JsonElement element, out string? text)
        {
            text = null;
            switch (element.ValueKind)
            {
                case JsonValueKind.Number:
                    text = element.GetRawText();
                    return true;
                case JsonValueKind.String:
                    var trimmed = element.GetString()!.Trim();
                    text = trimmed.Length == 0 ? null : trimmed;
                    return text is null || text.IndexOf(',') < 0 || Grouped(text);
                default:
                    return IsAbsent(element);
            }
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

        private static bool TryInteger(JsonElement element, long min, long max, out long? value)
        {
            value = null;
            if (element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var direct))
            {
                if (direct < min || direct > max)
                {
                    return false;
                }

                value = direct;
                return true;
            }

            if (!TryDecimal(element, out var number))
            {
                return false;
            }

            if (number is { } d)
            {
                if (decimal.Truncate(d) != d || d < min || d > max)
                {
                    return false;
                }

                value = (long)d;
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
}
