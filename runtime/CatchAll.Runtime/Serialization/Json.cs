using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using CatchAll.Runtime;

namespace CatchAll.Serialization;

/// <summary>
/// What every generated converter would otherwise repeat per property: reading a value that may be
/// <c>null</c>, reading and writing lists and maps with the failing index or key in the error's JSON path,
/// and the errors themselves. For generated code only; no reflection, so trimming and NativeAOT stay clean.
/// </summary>
/// <remarks>
/// Readers start on the value's first token and leave the reader on its last, as
/// <see cref="JsonConverter{T}.Read"/> does. A JSON <c>null</c> reads as <see langword="null"/>.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Json
{
    /// <summary>Whether an exception thrown while reading is one a converter reports with its path.</summary>
    /// <param name="exception">What was thrown.</param>
    /// <returns><see langword="true"/> for JSON, format and reader-state errors.</returns>
    public static bool IsReadError(Exception exception) =>
        exception is JsonException || exception is FormatException || exception is InvalidOperationException;

    /// <summary>An error read in the member <paramref name="property"/> of <paramref name="type"/>, with its full path.</summary>
    /// <param name="inner">The error.</param>
    /// <param name="property">The member's JSON name.</param>
    /// <param name="type">The model's name.</param>
    /// <param name="offset">The reader's byte offset, used when <paramref name="inner"/> carries none.</param>
    /// <returns>The exception to throw.</returns>
    public static JsonException At(Exception inner, string property, string type, long offset)
    {
        var fullPath = "$" + KeySegment(property) + InnerPath(inner);
        var root = inner is JsonPathException marked ? marked.Reason : inner.Message;
        return Located(new JsonPathException(fullPath, root, "Could not read " + type + " at '" + fullPath + "': " + root, inner), inner, offset);
    }

    /// <summary>Prefixes an array index or map key to the path of an error read inside a collection.</summary>
    /// <param name="inner">The error.</param>
    /// <param name="segment">The index (<c>[3]</c>) or key (<c>.name</c>).</param>
    /// <param name="offset">The reader's byte offset, used when <paramref name="inner"/> carries none.</param>
    /// <returns>The exception to throw.</returns>
    public static JsonException Prefix(Exception inner, string segment, long offset)
    {
        var root = inner is JsonPathException marked ? marked.Reason : inner.Message;
        var fullPath = "$" + segment + InnerPath(inner);
        return Located(new JsonPathException(fullPath, root, "Could not read the value at '" + fullPath + "': " + root, inner), inner, offset);
    }

    /// <summary>A required member that is absent.</summary>
    /// <param name="property">The member's JSON name.</param>
    /// <param name="type">The model's name.</param>
    /// <returns>The exception to throw.</returns>
    public static JsonException Missing(string property, string type) =>
        new JsonPathException("$" + KeySegment(property), "missing", "Required property '" + property + "' of " + type + " is missing.", null);

    /// <summary>A required, non-nullable member that is <c>null</c>.</summary>
    /// <param name="property">The member's JSON name.</param>
    /// <param name="type">The model's name.</param>
    /// <returns>The exception to throw.</returns>
    public static JsonException Null(string property, string type) =>
        new JsonPathException("$" + KeySegment(property), "null", "Required property '" + property + "' of " + type + " is null.", null);

    /// <summary>Reads a date-time; one without an offset (some endpoints send those) is taken as UTC, whatever the machine's time zone.</summary>
    /// <param name="reader">The reader, on a string.</param>
    /// <returns>The value.</returns>
    public static DateTimeOffset ReadDateTimeOffset(ref Utf8JsonReader reader)
    {
        var value = reader.GetDateTime();
        return value.Kind == DateTimeKind.Unspecified
            ? new DateTimeOffset(value, TimeSpan.Zero)
            : reader.GetDateTimeOffset();
    }

    /// <summary>Reads a string, or <see langword="null"/>.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static string? ReadString(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : reader.GetString();

    /// <summary>Reads a 32-bit integer, or <see langword="null"/>.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int? ReadInt32(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32();

    /// <summary>Reads a 64-bit integer, or <see langword="null"/>.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long? ReadInt64(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : reader.GetInt64();

    /// <summary>Reads a single-precision number, or <see langword="null"/>.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float? ReadSingle(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : reader.GetSingle();

    /// <summary>Reads a double-precision number, or <see langword="null"/>.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double? ReadDouble(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : reader.GetDouble();

    /// <summary>Reads a Boolean, or <see langword="null"/>.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool? ReadBoolean(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : reader.GetBoolean();

    /// <summary>Reads a GUID, or <see langword="null"/>.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Guid? ReadGuid(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : reader.GetGuid();

    /// <summary>Reads a date-time as <see cref="ReadDateTimeOffset"/> does, or <see langword="null"/>.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DateTimeOffset? ReadNullableDateTimeOffset(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadDateTimeOffset(ref reader);

    /// <summary>Reads a value type (an enum, a primitive union) with its converter, or <see langword="null"/>.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="converter">The type's converter.</param>
    /// <param name="options">The options in use.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T? ReadValue<T>(ref Utf8JsonReader reader, JsonConverter<T> converter, JsonSerializerOptions options)
        where T : struct =>
        reader.TokenType == JsonTokenType.Null ? null : converter.Read(ref reader, typeof(T), options);

    /// <summary>Reads a model with its converter, or <see langword="null"/>.</summary>
    /// <typeparam name="T">The model's type.</typeparam>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="converter">The type's converter.</param>
    /// <param name="options">The options in use.</param>
    /// <returns>The model.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T? ReadObject<T>(ref Utf8JsonReader reader, JsonConverter<T> converter, JsonSerializerOptions options)
        where T : class =>
        reader.TokenType == JsonTokenType.Null ? null
        : JsonReadHook.Active != 0 && JsonReadHook.For<T>() is { } hook ? hook.Read(ref reader, options)
        : converter.Read(ref reader, typeof(T), options);

    /// <summary>
    /// Reads a JSON array, or <see langword="null"/>. An item that fails, or is <c>null</c> when
    /// the item is not an open value, is reported at its index.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="item">Reads one item (see <see cref="JsonItems"/>).</param>
    /// <param name="options">The options in use.</param>
    /// <returns>The list.</returns>
    public static List<T>? ReadList<T>(ref Utf8JsonReader reader, JsonConverter<T> item, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A JSON array is expected.");
        }

        var list = new List<T>();
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            T value;
            try
            {
                value = ReadItem(ref reader, item, options);
            }
            catch (Exception ex) when (IsReadError(ex))
            {
                throw Prefix(ex, "[" + index.ToString(CultureInfo.InvariantCulture) + "]", reader.TokenStartIndex);
            }

            list.Add(value);
            index++;
        }

        return list;
    }

    /// <summary>
    /// Reads a JSON object as a map, or <see langword="null"/>. A value that fails, or is <c>null</c> when
    /// the item is not an open value, is reported at its key.
    /// </summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="item">Reads one value (see <see cref="JsonItems"/>).</param>
    /// <param name="options">The options in use.</param>
    /// <returns>The map.</returns>
    public static Dictionary<string, T>? ReadMap<T>(ref Utf8JsonReader reader, JsonConverter<T> item, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A JSON object is expected.");
        }

        var map = new Dictionary<string, T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            T value;
            try
            {
                value = ReadItem(ref reader, item, options);
            }
            catch (Exception ex) when (IsReadError(ex))
            {
                throw Prefix(ex, KeySegment(key), reader.TokenStartIndex);
            }

            map[key] = value;
        }

        return map;
    }

    /// <summary>Writes a list, each item with <paramref name="item"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="list">The list.</param>
    /// <param name="item">Writes one item (see <see cref="JsonItems"/>).</param>
    /// <param name="options">The options in use.</param>
    public static void WriteList<T>(Utf8JsonWriter writer, IList<T> list, JsonConverter<T> item, JsonSerializerOptions options)
    {
        // An index loop: foreach over IList<T> boxes its enumerator.
        writer.WriteStartArray();
        for (var i = 0; i < list.Count; i++)
        {
            item.Write(writer, list[i], options);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a list of strings; a <see langword="null"/> item is written as <c>null</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="list">The list.</param>
    public static void WriteStringList(Utf8JsonWriter writer, IList<string> list)
    {
        writer.WriteStartArray();
        for (var i = 0; i < list.Count; i++)
        {
            writer.WriteStringValue(list[i]);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a map as a JSON object, each value with <paramref name="item"/>.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="map">The map.</param>
    /// <param name="item">Writes one value (see <see cref="JsonItems"/>).</param>
    /// <param name="options">The options in use.</param>
    public static void WriteMap<T>(Utf8JsonWriter writer, IDictionary<string, T> map, JsonConverter<T> item, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var pair in map)
        {
            writer.WritePropertyName(pair.Key);
            item.Write(writer, pair.Value, options);
        }

        writer.WriteEndObject();
    }

    private static T ReadItem<T>(ref Utf8JsonReader reader, JsonConverter<T> item, JsonSerializerOptions options)
    {
        // Only an open value (JsonElement) takes null as an item; for every other type the CLR name is the one
        // the spec's kind has (String, Int32, a model's name).
        if (reader.TokenType == JsonTokenType.Null && typeof(T) != typeof(JsonElement))
        {
            throw new JsonException("null is not allowed here: a " + typeof(T).Name + " is expected.");
        }

        return item.Read(ref reader, typeof(T), options)!;
    }

    private static JsonException Located(JsonException exception, Exception inner, long offset)
    {
        // Setting Path stops System.Text.Json from adding a position, so the reader's byte offset (the innermost
        // one) travels in Data, where the pipeline turns it into a line and byte.
        exception.Data[JsonErrorPosition.ByteOffsetKey] = inner.Data[JsonErrorPosition.ByteOffsetKey] is long innerOffset ? innerOffset : offset;
        return exception;
    }

    /// <summary>
    /// A member name or map key as a path segment: <c>.key</c> for an identifier, else <c>['key']</c> with <c>'</c> and <c>\</c>
    /// escaped (as System.Text.Json writes it), so a key such as <c>a.b</c> is not read as two levels.
    /// </summary>
    private static string KeySegment(string key)
    {
        var plain = key.Length > 0 && !char.IsDigit(key[0]);
        foreach (var c in key)
        {
            plain &= c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_';
        }

        return plain ? "." + key : "['" + key.Replace("\\", "\\\\").Replace("'", "\\'") + "']";
    }

    private static string InnerPath(Exception inner) =>
        inner is JsonException json && json.Path is { Length: > 1 } path && path[0] == '$' ? path.Substring(1) : string.Empty;
}
