using System.Text.Json.Serialization;

namespace CatchAll.Bench.Baseline;

/// <summary>
/// The bar: System.Text.Json source-generated metadata for the hand-written POCOs, unset members not
/// written (as the generated client does not send them).
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PullJobResponse))]
[JsonSerializable(typeof(StatusResponse))]
[JsonSerializable(typeof(SubmitRequest))]
[JsonSerializable(typeof(SubmitResponse))]
public sealed partial class BaselineJson : JsonSerializerContext
{
}

/// <summary>
/// The same POCOs with source-generated fast-path serialization as well (the generator's default mode):
/// shown beside the metadata baseline for serialization, where it differs.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Default, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SubmitRequest))]
public sealed partial class BaselineFastPathJson : JsonSerializerContext
{
}
