using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CatchAll.Runtime.Tests.Infrastructure;

public sealed class JobDto
{
    public string? Id { get; set; }

    public int Count { get; set; }

    public List<string>? Tags { get; set; }
}

public sealed class CreateJobBody
{
    public string? Query { get; set; }

    public int Limit { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(JobDto))]
[JsonSerializable(typeof(CreateJobBody))]
public sealed partial class TestJson : JsonSerializerContext
{
}
