using System;
using System.Linq;
using System.Text.Json;
using CatchAll.Bench.Baseline;

namespace CatchAll.Bench.Json;

/// <summary>Options and sanity checks shared by the JSON benchmarks.</summary>
public static class JsonSetup
{
    /// <summary>
    /// What NSwag's System.Text.Json client uses: a plain JsonSerializerOptions (its CreateSerializerSettings),
    /// so reflection metadata built on first use and cached.
    /// </summary>
    public static readonly JsonSerializerOptions NSwagOptions = new();

    /// <summary>Throws unless all three readers see the same records: a benchmark of a wrong parse is worthless.</summary>
    public static void CheckPull(byte[] body)
    {
        var baseline = JsonSerializer.Deserialize(body, BaselineJson.Default.PullJobResponse)!;
        var ours = JsonSerializer.Deserialize(body, CatchAll.CatchAllClientJson.PullJobResponse)!;
        var peer = JsonSerializer.Deserialize<CatchAll.Bench.Peer.PullJobResponseDto>(body, NSwagOptions)!;
        var count = baseline.AllRecords!.Count;
        Same(count, ours.AllRecords!.Count, "records (CatchAll)");
        Same(count, peer.All_records!.Count, "records (NSwag)");
        Same(baseline.AllRecords.Sum(r => r.Citations.Count), ours.AllRecords.Sum(r => r.Citations.Count), "citations (CatchAll)");
        Same(baseline.AllRecords.Sum(r => r.Citations.Count), peer.All_records.Sum(r => r.Citations.Count), "citations (NSwag)");
        Same(baseline.AllRecords.Sum(r => r.Enrichment.Fields!.Count), ours.AllRecords.Sum(r => r.Enrichment.AdditionalProperties.Count), "enrichment fields (CatchAll)");
        Same(baseline.AllRecords.Sum(r => r.Enrichment.Fields!.Count), peer.All_records.Sum(r => r.Enrichment.AdditionalProperties.Count), "enrichment fields (NSwag)");
        Same(baseline.AllRecords.Sum(r => r.ConnectedEntities?.Count ?? 0), ours.AllRecords.Sum(r => r.ConnectedEntities?.Count ?? 0), "connected entities (CatchAll)");
    }

    /// <summary>Throws unless the status body reads the same everywhere.</summary>
    public static void CheckStatus(byte[] body)
    {
        var baseline = JsonSerializer.Deserialize(body, BaselineJson.Default.StatusResponse)!;
        var ours = JsonSerializer.Deserialize(body, CatchAll.CatchAllClientJson.StatusResponse)!;
        var peer = JsonSerializer.Deserialize<CatchAll.Bench.Peer.StatusResponseDto>(body, NSwagOptions)!;
        Same(baseline.Steps!.Count, ours.Steps!.Count, "steps (CatchAll)");
        Same(baseline.Steps.Count, peer.Steps!.Count, "steps (NSwag)");
        Same(baseline.JobId, ours.JobId, "job id (CatchAll)");
        Same(baseline.JobId, peer.Job_id, "job id (NSwag)");
    }

    private static void Same<T>(T expected, T actual, string what)
    {
        if (!Equals(expected, actual))
        {
            throw new InvalidOperationException($"Payload check failed for {what}: expected {expected}, got {actual}.");
        }
    }
}
