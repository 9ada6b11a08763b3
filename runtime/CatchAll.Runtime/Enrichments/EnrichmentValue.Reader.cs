using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CatchAll;

/// <summary>
/// The same reads straight from a <see cref="Utf8JsonReader"/> on the value's first token, so a record's enrichment
/// object is read in one pass with no <see cref="JsonElement"/> made. On success the reader is left on the value's
/// last token; on failure it is left on the value's first token, so the caller can keep the raw value.
/// </summary>
public static partial class EnrichmentValue
{
    /// <summary>Text: a JSON string, or a number's or boolean's JSON text.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="value">The text; null for JSON null.</param>
    public static bool TryText(ref Utf8JsonReader reader, out string? value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                value = reader.GetString();
                return true;
            case JsonTokenType.Number:
                value = RawText(ref reader);
                return true;
            case JsonTokenType.True:
                value = "true";
                return true;
            case JsonTokenType.False:
                value = "false";
                return true;
            default:
                value = null;
                return reader.TokenType == JsonTokenType.Null;
        }
    }

    /// <summary>A number, or a string holding one (invariant culture, thousands separators allowed).</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="value">The number; null for JSON null or an empty string.</param>
    public static bool TryDecimal(ref Utf8JsonReader reader, out decimal? value)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var direct))
        {
            value = direct;
            return true;
        }

        return ParseDecimal(TryNumberText(ref reader, out var text), text, out value);
    }

    /// <summary>A finite double, from a number or a numeric string.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="value">The number; null for JSON null or an empty string.</param>
    public static bool TryDouble(ref Utf8JsonReader reader, out double? value)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var direct) && !double.IsInfinity(direct))
        {
            value = direct;
            return true;
        }

        return ParseDouble(TryNumberText(ref reader, out var text), text, out value);
    }

    /// <summary>A finite float, from a number or a numeric string.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="value">The number; null for JSON null or an empty string.</param>
    public static bool TrySingle(ref Utf8JsonReader reader, out float? value) => SingleOf(TryDouble(ref reader, out var number), number, out value);

    /// <summary>A whole number within <see cref="long"/>'s range ("25000000.0" counts; 2.5 does not).</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="value">The number; null for JSON null or an empty string.</param>
    public static bool TryInt64(ref Utf8JsonReader reader, out long? value) => TryInteger(ref reader, long.MinValue, long.MaxValue, out value);

    /// <summary>A whole number within <see cref="int"/>'s range.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="value">The number; null for JSON null or an empty string.</param>
    public static bool TryInt32(ref Utf8JsonReader reader, out int? value) => Narrow(TryInteger(ref reader, int.MinValue, int.MaxValue, out var wide), wide, w => (int)w, out value);

    /// <summary>A whole number within <see cref="short"/>'s range.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="value">The number; null for JSON null or an empty string.</param>
    public static bool TryInt16(ref Utf8JsonReader reader, out short? value) => Narrow(TryInteger(ref reader, short.MinValue, short.MaxValue, out var wide), wide, w => (short)w, out value);

    /// <summary>A whole number within <see cref="sbyte"/>'s range.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="value">The number; null for JSON null or an empty string.</param>
    public static bool TrySByte(ref Utf8JsonReader reader, out sbyte? value) => Narrow(TryInteger(ref reader, sbyte.MinValue, sbyte.MaxValue, out var wide), wide, w => (sbyte)w, out value);

    /// <summary>A whole number within <see cref="byte"/>'s range.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="value">The number; null for JSON null or an empty string.</param>
    public static bool TryByte(ref Utf8JsonReader reader, out byte? value) => Narrow(TryInteger(ref reader, byte.MinValue, byte.MaxValue, out var wide), wide, w => (byte)w, out value);

    /// <summary>A whole number within <see cref="ushort"/>'s range.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="value">The number; null for JSON null or an empty string.</param>
    public static bool TryUInt16(ref Utf8JsonReader reader, out ushort? value) => Narrow(TryInteger(ref reader, ushort.MinValue, ushort.MaxValue, out var wide), wide, w => (ushort)w, out value);

    /// <summary>A whole number within <see cref="uint"/>'s range.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="value">The number; null for JSON null or an empty string.</param>
    public static bool TryUInt32(ref Utf8JsonReader reader, out uint? value) => Narrow(TryInteger(ref reader, uint.MinValue, uint.MaxValue, out var wide), wide, w => (uint)w, out value);

    /// <summary>A whole number within <see cref="ulong"/>'s range.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="value">The number; null for JSON null or an empty string.</param>
    public static bool TryUInt64(ref Utf8JsonReader reader, out ulong? value)
    {
        var ok = WholeOf(TryDecimal(ref reader, out var number), number, ulong.MinValue, ulong.MaxValue, out var whole);
        value = whole is { } w ? (ulong)w : null;
        return ok;
    }

    /// <summary>A date or date-time in one of the explicit forms (see the <see cref="JsonElement"/> overload).</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="value">The date; null for JSON null or an empty string.</param>
    public static bool TryDate(ref Utf8JsonReader reader, out DateTimeOffset? value)
    {
        // The common form, "2026-02-17", read from the token's bytes: no string, no format list walked.
        if (reader.TokenType == JsonTokenType.String && !reader.HasValueSequence && !reader.ValueIsEscaped && TryIsoDate(reader.ValueSpan, out var date))
        {
            value = date;
            return true;
        }

        return ParseDate(TryTrimmed(ref reader, out var text), text, out value);
    }

    /// <summary>An absolute URL; a bare host such as "example.com/page" is read as https.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="value">The URL; null for JSON null or an empty string.</param>
    public static bool TryUrl(ref Utf8JsonReader reader, out Uri? value) => ParseUrl(TryTrimmed(ref reader, out var text), text, out value);

    /// <summary>An option's match key (see <see cref="OptionKey"/>).</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="key">The key; null for JSON null or an empty string.</param>
    public static bool TryOption(ref Utf8JsonReader reader, out string? key)
    {
        key = null;
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = OptionKey(reader.GetString()!);
            key = text.Length == 0 ? null : text;
            return true;
        }

        return reader.TokenType == JsonTokenType.Null;
    }

    /// <summary>An object read with the model's own converter (a company enrichment); anything else, or an object of another shape, fails.</summary>
    /// <typeparam name="TValue">The model type.</typeparam>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="typeInfo">The model's metadata, from the generated CatchAllClientJson.</param>
    /// <param name="value">The model; null for JSON null.</param>
    public static bool TryObject<TValue>(ref Utf8JsonReader reader, JsonTypeInfo<TValue> typeInfo, out TValue? value)
        where TValue : class
    {
        if (typeInfo is null)
        {
            throw new ArgumentNullException(nameof(typeInfo));
        }

        value = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return reader.TokenType == JsonTokenType.Null;
        }

        var start = reader;
        try
        {
            value = typeInfo.Converter is JsonConverter<TValue> converter
                ? converter.Read(ref reader, typeof(TValue), typeInfo.Options)
                : JsonSerializer.Deserialize(ref reader, typeInfo);
        }
        catch (Exception ex) when (IsShapeError(ex))
        {
            value = null;
        }

        if (value is null)
        {
            // Back to the object's start, so the caller keeps it whole as the problem's value.
            reader = start;
            return false;
        }

        return true;
    }

    /// <summary>Exactly "yyyy-MM-dd", a real date: midnight UTC, as the "yyyy-MM-dd" form reads it; anything else is left to the form list.</summary>
    private static bool TryIsoDate(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length != 10 || text[4] != (byte)'-' || text[7] != (byte)'-')
        {
            return false;
        }

        var year = Digits(text.Slice(0, 4));
        var month = Digits(text.Slice(5, 2));
        var day = Digits(text.Slice(8, 2));
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        value = new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero);
        return true;
    }

    /// <summary>The number ASCII digits spell, or -1.</summary>
    private static int Digits(ReadOnlySpan<byte> text)
    {
        var number = 0;
        foreach (var b in text)
        {
            if (b < (byte)'0' || b > (byte)'9')
            {
                return -1;
            }

            number = (number * 10) + (b - '0');
        }

        return number;
    }

    /// <summary>A number token's text, as <see cref="JsonElement.GetRawText"/> gives it.</summary>
    private static string RawText(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence)
        {
            var bytes = new byte[reader.ValueSequence.Length];
            var at = 0;
            foreach (var segment in reader.ValueSequence)
            {
                segment.Span.CopyTo(bytes.AsSpan(at));
                at += segment.Length;
            }

            return Encoding.UTF8.GetString(bytes);
        }

#if NETSTANDARD2_0
        return Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
#else
        return Encoding.UTF8.GetString(reader.ValueSpan);
#endif
    }

    private static bool TryTrimmed(ref Utf8JsonReader reader, out string? text)
    {
        text = null;
        if (reader.TokenType != JsonTokenType.String)
        {
            return reader.TokenType == JsonTokenType.Null;
        }

        text = Trimmed(reader.GetString()!);
        return true;
    }

    private static bool TryNumberText(ref Utf8JsonReader reader, out string? text)
    {
        text = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                text = RawText(ref reader);
                return true;
            case JsonTokenType.String:
                return NumericString(reader.GetString()!, out text);
            default:
                return reader.TokenType == JsonTokenType.Null;
        }
    }

    private static bool TryInteger(ref Utf8JsonReader reader, long min, long max, out long? value)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var direct))
        {
            value = direct >= min && direct <= max ? direct : null;
            return value is not null;
        }

        var ok = WholeOf(TryDecimal(ref reader, out var number), number, min, max, out var whole);
        value = whole is { } w ? (long)w : null;
        return ok;
    }
}
