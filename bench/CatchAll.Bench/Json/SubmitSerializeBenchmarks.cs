using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CatchAll.Bench.Baseline;
using CatchAll.Bench.Payloads;

namespace CatchAll.Bench.Json;

/// <summary>
/// Serializing submit bodies into a reused writer (so only the serializer's own work is measured): a
/// large one (100 validators, 100 enrichments, 1,000 watchlist datasets, ~70 KB) and a small one.
/// Target: CatchAll ≤ 1.0× the metadata baseline. Each side's object is read from the same JSON first.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SubmitSerializeBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 20);
    private Utf8JsonWriter _writer = null!;
    private SubmitRequest _baselineLarge = null!;
    private CatchAll.Models.SubmitRequest _oursLarge = null!;
    private Peer.SubmitRequestDto _peerLarge = null!;
    private SubmitRequest _baselineSmall = null!;
    private CatchAll.Models.SubmitRequest _oursSmall = null!;
    private Peer.SubmitRequestDto _peerSmall = null!;

    /// <summary>Reads each side's request objects and checks the outputs are the same size as the baseline's.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _writer = new Utf8JsonWriter(_buffer);
        var large = PayloadFactory.SubmitBody(large: true);
        var small = PayloadFactory.SubmitBody(large: false);
        _baselineLarge = JsonSerializer.Deserialize(large, BaselineJson.Default.SubmitRequest)!;
        _oursLarge = JsonSerializer.Deserialize(large, global::CatchAll.CatchAllClientJson.SubmitRequest)!;
        _peerLarge = JsonSerializer.Deserialize<Peer.SubmitRequestDto>(large, JsonSetup.NSwagOptions)!;
        _baselineSmall = JsonSerializer.Deserialize(small, BaselineJson.Default.SubmitRequest)!;
        _oursSmall = JsonSerializer.Deserialize(small, global::CatchAll.CatchAllClientJson.SubmitRequest)!;
        _peerSmall = JsonSerializer.Deserialize<Peer.SubmitRequestDto>(small, JsonSetup.NSwagOptions)!;
        var expected = Written(() => LargeBaseline());
        var ours = Written(() => LargeCatchAll());
        if (ours != expected)
        {
            throw new System.InvalidOperationException($"CatchAll wrote {ours} bytes for the large submit body, the baseline {expected}.");
        }

        System.Console.WriteLine($"// large submit body: {large.Length} bytes in, baseline writes {expected}, CatchAll {ours}, NSwag {Written(() => LargeNSwag())} (NSwag writes its unset members as null)");
    }

    /// <summary>Large, baseline (source-gen metadata).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Large")]
    public long LargeBaseline() => Write(_baselineLarge, BaselineJson.Default.SubmitRequest);

    /// <summary>Large, baseline with the source generator's fast-path serializer too.</summary>
    [Benchmark, BenchmarkCategory("Large")]
    public long LargeBaselineFastPath() => Write(_baselineLarge, BaselineFastPathJson.Default.SubmitRequest);

    /// <summary>Large, generated.</summary>
    [Benchmark, BenchmarkCategory("Large")]
    public long LargeCatchAll() => Write(_oursLarge, global::CatchAll.CatchAllClientJson.SubmitRequest);

    /// <summary>Large, NSwag.</summary>
    [Benchmark, BenchmarkCategory("Large")]
    public long LargeNSwag()
    {
        Reset();
        JsonSerializer.Serialize(_writer, _peerLarge, JsonSetup.NSwagOptions);
        _writer.Flush();
        return _writer.BytesCommitted;
    }

    /// <summary>Small, baseline.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Small")]
    public long SmallBaseline() => Write(_baselineSmall, BaselineJson.Default.SubmitRequest);

    /// <summary>Small, generated.</summary>
    [Benchmark, BenchmarkCategory("Small")]
    public long SmallCatchAll() => Write(_oursSmall, global::CatchAll.CatchAllClientJson.SubmitRequest);

    /// <summary>Small, NSwag.</summary>
    [Benchmark, BenchmarkCategory("Small")]
    public long SmallNSwag()
    {
        Reset();
        JsonSerializer.Serialize(_writer, _peerSmall, JsonSetup.NSwagOptions);
        _writer.Flush();
        return _writer.BytesCommitted;
    }

    private long Write<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        Reset();
        JsonSerializer.Serialize(_writer, value, typeInfo);
        _writer.Flush();
        return _writer.BytesCommitted;
    }

    private void Reset()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
    }

    private static long Written(System.Func<long> write) => write();
}
