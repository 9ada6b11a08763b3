using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CatchAll.Bench.Baseline;
using CatchAll.Bench.Payloads;

namespace CatchAll.Bench.Json;

/// <summary>
/// Deserializing the small bodies polled most often: a job status (~400 B, six steps) and a submit
/// acknowledgement. Target: CatchAll ≤ 1.0× the baseline.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SmallDeserializeBenchmarks
{
    private byte[] _status = null!;
    private byte[] _submitted = null!;

    /// <summary>Synthesizes the bodies and checks every reader agrees on them.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _status = PayloadFactory.StatusBody();
        _submitted = PayloadFactory.SubmitResponseBody();
        JsonSetup.CheckStatus(_status);
    }

    /// <summary>Status, baseline.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Status")]
    public StatusResponse StatusBaseline() => JsonSerializer.Deserialize(_status, BaselineJson.Default.StatusResponse)!;

    /// <summary>Status, generated.</summary>
    [Benchmark, BenchmarkCategory("Status")]
    public CatchAll.Models.StatusResponse StatusCatchAll() => JsonSerializer.Deserialize(_status, global::CatchAll.CatchAllClientJson.StatusResponse)!;

    /// <summary>Status, NSwag.</summary>
    [Benchmark, BenchmarkCategory("Status")]
    public Peer.StatusResponseDto StatusNSwag() => JsonSerializer.Deserialize<Peer.StatusResponseDto>(_status, JsonSetup.NSwagOptions)!;

    /// <summary>Status, JsonDocument floor.</summary>
    [Benchmark, BenchmarkCategory("Status")]
    public JsonValueKind StatusJsonDocumentFloor()
    {
        using var document = JsonDocument.Parse(_status);
        return document.RootElement.ValueKind;
    }

    /// <summary>Submit acknowledgement, baseline.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Submitted")]
    public SubmitResponse SubmittedBaseline() => JsonSerializer.Deserialize(_submitted, BaselineJson.Default.SubmitResponse)!;

    /// <summary>Submit acknowledgement, generated.</summary>
    [Benchmark, BenchmarkCategory("Submitted")]
    public CatchAll.Models.SubmitResponse SubmittedCatchAll() => JsonSerializer.Deserialize(_submitted, global::CatchAll.CatchAllClientJson.SubmitResponse)!;

    /// <summary>Submit acknowledgement, NSwag.</summary>
    [Benchmark, BenchmarkCategory("Submitted")]
    public Peer.SubmitResponseDto SubmittedNSwag() => JsonSerializer.Deserialize<Peer.SubmitResponseDto>(_submitted, JsonSetup.NSwagOptions)!;

    /// <summary>Submit acknowledgement, JsonDocument floor.</summary>
    [Benchmark, BenchmarkCategory("Submitted")]
    public JsonValueKind SubmittedJsonDocumentFloor()
    {
        using var document = JsonDocument.Parse(_submitted);
        return document.RootElement.ValueKind;
    }
}
