using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CatchAll.Client.Tests.Support;

/// <summary>
/// Lets the reflection serializer handle <see cref="CatchAll.Optional{T}"/> (the PATCH models' "absent or
/// present, maybe null" wrapper), which deliberately carries no converter of its own. Reading: a property the JSON
/// leaves out is never visited and stays absent; one the JSON names, even as null, becomes present. Writing: a
/// present value is written as itself, and <see cref="OmitAbsent"/> leaves absent ones out.
/// </summary>
internal sealed class OptionalConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => IsOptional(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(OptionalConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    /// <summary>A resolver modifier: an Optional property that is absent is not written at all.</summary>
    public static void OmitAbsent(JsonTypeInfo info)
    {
        foreach (var property in info.Properties)
        {
            if (IsOptional(property.PropertyType))
            {
                var hasValue = property.PropertyType.GetProperty(nameof(CatchAll.Optional<int>.HasValue))!;
                property.ShouldSerialize = (_, value) => value is not null && (bool)hasValue.GetValue(value)!;
            }
        }
    }

    private static bool IsOptional(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(CatchAll.Optional<>);

    private sealed class OptionalConverter<T> : JsonConverter<CatchAll.Optional<T>>
    {
        public override bool HandleNull => true;

        public override CatchAll.Optional<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(JsonSerializer.Deserialize<T>(ref reader, options)!);

        public override void Write(Utf8JsonWriter writer, CatchAll.Optional<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Value, options);
    }
}
