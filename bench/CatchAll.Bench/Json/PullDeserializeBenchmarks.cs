using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CatchAll.Bench.Baseline;
using CatchAll.Bench.Payloads;

namespace CatchAll.Bench.Json;

/// <summary>
/// Deserializing a 1,000-record pull page (~2.5 MB, enrichment fields included).
/// Target: CatchAll ≤ 0.8× the baseline's time and ≤ 0.75× its allocations. JsonDocument.Parse is the floor.
/// </summary>
[MemoryDiagnoser]
public class PullDeserializeBenchmarks
{
    private byte[] _body = null!;

    /// <summary>Synthesizes the body and checks every reader agrees on it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _body = PayloadFactory.PullBody();
        JsonSetup.CheckPull(_body);
    }

    /// <summary>Hand-written POCOs, System.Text.Json source-generated metadata.</summary>
    [Benchmark(Baseline = true)]
    public PullJobResponse Baseline() => JsonSerializer.Deserialize(_body, BaselineJson.Default.PullJobResponse)!;

    /// <summary>The generated models through their generated JsonTypeInfo.</summary>
    [Benchmark]
    public CatchAll.Models.PullJobResponse CatchAll() => JsonSerializer.Deserialize(_body, global::CatchAll.CatchAllClientJson.PullJobResponse)!;

    /// <summary>
    /// The generated models with every record's enrichment object read as a six-field typed set (issue 12), as the
    /// typed pager reads a page: the enrichment object straight into the type in the page's pass.
    /// </summary>
    [Benchmark]
    public int CatchAllTyped()
    {
        global::CatchAll.Models.PullJobResponse page;
        using (global::CatchAll.EnrichmentExtensions.ReadRecordsAs<PulledRound>())
        {
            page = JsonSerializer.Deserialize(_body, global::CatchAll.CatchAllClientJson.PullJobResponse)!;
        }

        var read = 0;
        foreach (var record in page.AllRecords!)
        {
            read += record.AsEnriched<PulledRound>().Enrichment.FundingAmount is null ? 0 : 1;
        }

        return read;
    }

    /// <summary>NSwag's models with the options its client uses.</summary>
    [Benchmark]
    public Peer.PullJobResponseDto NSwag() => JsonSerializer.Deserialize<Peer.PullJobResponseDto>(_body, JsonSetup.NSwagOptions)!;

    /// <summary>The floor: a JsonDocument over the same bytes, no objects built.</summary>
    [Benchmark]
    public JsonValueKind JsonDocumentFloor()
    {
        using var document = JsonDocument.Parse(_body);
        return document.RootElement.ValueKind;
    }
}
