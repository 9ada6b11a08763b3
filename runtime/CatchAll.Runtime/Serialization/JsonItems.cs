using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CatchAll.Serialization;

/// <summary>
/// Converters for the primitive items of lists and maps that generated converters read and write with
/// <see cref="Json.ReadList{T}"/>, <see cref="Json.ReadMap{T}"/>, <see cref="Json.WriteList{T}"/> and
/// <see cref="Json.WriteMap{T}"/>. A <c>null</c> item never reaches their Read; for generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonItems
{
    /// <summary>A string item.</summary>
    public static JsonConverter<string> String { get; } = new StringItem();

    /// <summary>A 32-bit integer item.</summary>
    public static JsonConverter<int> Int32 { get; } = new Int32Item();

    /// <summary>A 64-bit integer item.</summary>
    public static JsonConverter<long> Int64 { get; } = new Int64Item();

    /// <summary>A single-precision number item.</summary>
    public static JsonConverter<float> Single { get; } = new SingleItem();

    /// <summary>A double-precision number item.</summary>
    public static JsonConverter<double> Double { get; } = new DoubleItem();

    /// <summary>A Boolean item.</summary>
    public static JsonConverter<bool> Boolean { get; } = new BooleanItem();

    /// <summary>A GUID item.</summary>
    public static JsonConverter<Guid> Guid { get; } = new GuidItem();

    /// <summary>A date-time item; one without an offset is taken as UTC.</summary>
    public static JsonConverter<DateTimeOffset> DateTimeOffset { get; } = new DateTimeOffsetItem();

    /// <summary>Any JSON value, <c>null</c> included, kept as it is.</summary>
    public static JsonConverter<JsonElement> Element { get; } = new ElementItem();

    private sealed class StringItem : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString()!;

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class Int32Item : JsonConverter<int>
    {
        public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetInt32();

        public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    private sealed class Int64Item : JsonConverter<long>
    {
        public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetInt64();

        public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    private sealed class SingleItem : JsonConverter<float>
    {
        public override float Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetSingle();

        public override void Write(Utf8JsonWriter writer, float value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    private sealed class DoubleItem : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    private sealed class BooleanItem : JsonConverter<bool>
    {
        public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetBoolean();

        public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
    }

    private sealed class GuidItem : JsonConverter<Guid>
    {
        public override Guid Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetGuid();

        public override void Write(Utf8JsonWriter writer, Guid value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class DateTimeOffsetItem : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Json.ReadDateTimeOffset(ref reader);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class ElementItem : JsonConverter<JsonElement>
    {
        public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => JsonElement.ParseValue(ref reader);

        public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) => value.WriteTo(writer);
    }
}
