using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CatchAll;

/// <summary>
/// Tolerant reads of one enrichment value, for the readers the generator emits (from a <see cref="Utf8JsonReader"/>)
/// and for code holding a <see cref="JsonElement"/>. Each returns true with a value, true with null (the field is
/// JSON null or an empty string), or false when the value cannot be read as the type; the caller then keeps it as
/// an <see cref="EnrichmentProblem"/>. Never throws for bad input.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class EnrichmentValue
{
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
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var direct))
        {
            // Read from the token's bytes: no string is made for the common case.
            value = direct;
            return true;
        }

        return ParseDecimal(TryNumberText(element, out var text), text, out value);
    }

    /// <summary>A finite double, from a number or a numeric string.</summary>
    /// <param name="element">The value.</param>
    /// <param name="value">The number; null for JSON null or an empty string.</param>
    public static bool TryDouble(JsonElement element, out double? value)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var direct) && !double.IsInfinity(direct))
        {
            value = direct;
            return true;
        }

        return ParseDouble(TryNumberText(element, out var text), text, out value);
    }

    /// <summary>A finite float, from a number or a numeric string.</summary>
    /// <param name="element">The value.</param>
    /// <param name="value">The number; null for JSON null or an empty string.</param>
    public static bool TrySingle(JsonElement element, out float? value) => SingleOf(TryDouble(element, out var number), number, out value);

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
        var ok = WholeOf(TryDecimal(element, out var number), number, ulong.MinValue, ulong.MaxValue, out var whole);
        value = whole is { } w ? (ulong)w : null;
        return ok;
    }

    /// <summary>
    /// A date or date-time in one of the explicit forms, each with a year: ISO 8601 ("2026-02-17" is midnight UTC),
    /// year-month ("2026-02"), or month names ("February 17, 2026", "17 Feb 2026"); without an offset, UTC.
    /// Numeric day/month orders and strings without a year are refused.
    /// </summary>
    /// <param name="element">The value.</param>
    /// <param name="value">The date; null for JSON null or an empty string.</param>
    public static bool TryDate(JsonElement element, out DateTimeOffset? value) => ParseDate(TryTrimmed(element, out var text), text, out value);

    /// <summary>An absolute URL; a bare host such as "example.com/page" is read as https.</summary>
    /// <param name="element">The value.</param>
    /// <param name="value">The URL; null for JSON null or an empty string.</param>
    public static bool TryUrl(JsonElement element, out Uri? value) => ParseUrl(TryTrimmed(element, out var text), text, out value);

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
        catch (Exception ex) when (IsShapeError(ex))
        {
            return false;
        }
    }

    private static bool IsShapeError(Exception ex) => ex is JsonException or FormatException or InvalidOperationException or NotSupportedException or ArgumentException;

    private static bool IsAbsent(JsonElement element) => element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;

    /// <summary>A JSON string, trimmed; null text (and true) for JSON null or a blank string, false for any other kind.</summary>
    private static bool TryTrimmed(JsonElement element, out string? text)
    {
        text = null;
        if (element.ValueKind != JsonValueKind.String)
        {
            return IsAbsent(element);
        }

        text = Trimmed(element.GetString()!);
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
                return NumericString(element.GetString()!, out text);
            default:
                return IsAbsent(element);
        }
    }

    private static bool TryInteger(JsonElement element, long min, long max, out long? value)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var direct))
        {
            value = direct >= min && direct <= max ? direct : null;
            return value is not null;
        }

        var ok = WholeOf(TryDecimal(element, out var number), number, min, max, out var whole);
        value = whole is { } w ? (long)w : null;
        return ok;
    }
}
