using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CatchAll.Client.Tests.Support;

/// <summary>
/// Lets the reflection serializer read <see cref="CatchAll.Runtime.Optional{T}"/> (the PATCH models' "absent or
/// present, maybe null" wrapper), which deliberately carries no converter of its own. A property the JSON leaves
/// out is never visited and stays absent; one the JSON names, even as null, becomes present. Reading is all the
/// differential test needs: both sides are written back with the generated converters.
/// </summary>
internal sealed class OptionalReadConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(CatchAll.Runtime.Optional<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(OptionalConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class OptionalConverter<T> : JsonConverter<CatchAll.Runtime.Optional<T>>
    {
        public override bool HandleNull => true;

        public override CatchAll.Runtime.Optional<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(JsonSerializer.Deserialize<T>(ref reader, options)!);

        public override void Write(Utf8JsonWriter writer, CatchAll.Runtime.Optional<T> value, JsonSerializerOptions options) =>
            throw new NotSupportedException("Only reading is compared; writing goes through the generated converters.");
    }
}
