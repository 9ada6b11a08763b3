using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using CatchAll.Emulator.Http;
using CatchAll.Emulator.Synthetic;

namespace CatchAll.Emulator.State;

internal sealed record Candidate(SyntheticEvent Event, bool Valid);

/// <summary>A continue request: enrich candidates [From, To) during [Start, Start + Duration).</summary>
internal sealed record Continuation(DateTimeOffset Start, int From, int To, TimeSpan Duration);

/// <summary>What a job looks like at one instant.</summary>
internal readonly record struct JobSnapshot(string Status, int Stage, int? Checked, DateTimeOffset? FinishedAt);

/// <summary>
/// A job. Its progress is not stored but computed from the API clock: the stage durations fixed at
/// submission say where it is at any instant, so a fake clock can move it deterministically.
/// </summary>
internal sealed class JobState : IUserQuery
{
    public static readonly string[] Stages = ["submitted", "analyzing", "fetching", "clustering", "enriching", "completed", "failed"];

    private readonly Dictionary<int, JsonObject> _records = [];

    public required Guid Id { get; init; }

    public required string Query { get; init; }

    public string? Context { get; init; }

    public int? RequestedLimit { get; init; }

    public required int Limit { get; set; }

    public required DateTimeOffset StartDate { get; init; }

    public required DateTimeOffset EndDate { get; init; }

    public required JsonArray ValidatorsJson { get; init; }

    public required JsonArray EnrichmentsJson { get; init; }

    public required IReadOnlyList<FieldSuggestion> Validators { get; init; }

    public required IReadOnlyList<FieldSuggestion> Enrichments { get; init; }

    /// <summary>The caller defined <see cref="Enrichments"/>.</summary>
    public bool EnrichmentsDefined { get; init; }

    /// <summary><see cref="EmulatorOptions.EnrichmentIrregularity"/> when the job was created.</summary>
    public double EnrichmentIrregularity { get; init; }

    public required string Mode { get; init; }

    public IReadOnlyList<Guid> DatasetIds { get; init; } = [];

    public int EdScoreMin { get; init; } = 2;

    public string? AssociationType { get; init; }

    public bool FetchAllWatchlistNews { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Jittered stage durations on the API clock: submitted..enriching.</summary>
    public required TimeSpan[] StageDurations { get; init; }

    public Guid? MonitorId { get; init; }

    public bool Deleted { get; set; }

    public DateTimeOffset? FailAt { get; set; }

    public string? Error { get; set; }

    public required IReadOnlyList<Candidate> Candidates { get; init; }

    public int InitialCheckTarget { get; set; }

    public List<Continuation> Continuations { get; } = [];

    /// <summary>The finish time already announced (webhooks, monitor dumps); a later finish means a new announcement.</summary>
    public DateTimeOffset? AnnouncedFinish { get; set; }

    public bool IsWatchlist => DatasetIds.Count > 0;

    public DateTimeOffset StageEnd(int stage)
    {
        var end = CreatedAt;
        for (var i = 0; i <= stage && i < StageDurations.Length; i++)
        {
            end += StageDurations[i];
        }

        return end;
    }

    /// <summary>The default failure point for an injected fault: halfway through fetching.</summary>
    public DateTimeOffset DefaultFailurePoint => StageEnd(1) + StageDurations[2] / 2;

    public JobSnapshot Evaluate(DateTimeOffset now)
    {
        if (FailAt is DateTimeOffset failAt && now >= failAt)
        {
            var stageAtFailure = StageAt(failAt);
            return new JobSnapshot("failed", Math.Min(stageAtFailure, 4), stageAtFailure >= 4 ? CheckedAt(failAt) : null, failAt);
        }

        var stage = StageAt(now);
        if (stage < 4)
        {
            return new JobSnapshot(Stages[stage], stage, null, null);
        }

        var enrichStart = StageEnd(3);
        var enrichEnd = StageEnd(4);
        if (now < enrichEnd)
        {
            var fraction = (now - enrichStart) / (enrichEnd - enrichStart);
            return new JobSnapshot("enriching", 4, (int)Math.Floor(InitialCheckTarget * fraction), null);
        }

        var done = InitialCheckTarget;
        var finished = enrichEnd;
        foreach (var continuation in Continuations)
        {
            if (now < continuation.Start)
            {
                break;
            }

            var end = continuation.Start + continuation.Duration;
            if (now < end)
            {
                var fraction = (now - continuation.Start) / continuation.Duration;
                return new JobSnapshot("enriching", 4, continuation.From + (int)Math.Floor((continuation.To - continuation.From) * fraction), null);
            }

            done = continuation.To;
            finished = end;
        }

        return new JobSnapshot("completed", 5, done, finished);
    }

    public bool IsActive(DateTimeOffset now)
    {
        var status = Evaluate(now).Status;
        return status is not ("completed" or "failed");
    }

    /// <summary>Number of candidates that must be checked to collect <paramref name="limit"/> valid records.</summary>
    public int CheckTargetFor(int limit)
    {
        var valid = 0;
        for (var i = 0; i < Candidates.Count; i++)
        {
            if (Candidates[i].Valid && ++valid >= limit)
            {
                return i + 1;
            }
        }

        return Candidates.Count;
    }

    /// <summary>Valid records among the first <paramref name="checkedCount"/> candidates, capped by the limit.</summary>
    public List<JsonObject> Records(int? checkedCount)
    {
        var result = new List<JsonObject>();
        if (checkedCount is not int count)
        {
            return result;
        }

        var lite = Mode == "lite";
        for (var i = 0; i < count && i < Candidates.Count && result.Count < Limit; i++)
        {
            if (!Candidates[i].Valid)
            {
                continue;
            }

            if (!_records.TryGetValue(i, out var record))
            {
                record = RecordBuilder.Build(Candidates[i].Event, Enrichments, lite, IsWatchlist, EnrichmentsDefined ? EnrichmentIrregularity : null);
                _records[i] = record;
            }

            result.Add(record);
        }

        return result;
    }

    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1))
        {
            return Math.Max(0, (int)span.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s";
        }

        if (span < TimeSpan.FromHours(1))
        {
            return ((int)Math.Round(span.TotalMinutes)).ToString(CultureInfo.InvariantCulture) + "m";
        }

        return ((int)span.TotalHours).ToString(CultureInfo.InvariantCulture) + "h" + span.Minutes.ToString(CultureInfo.InvariantCulture) + "m";
    }

    public JsonArray Steps(JobSnapshot snapshot)
    {
        var steps = new JsonArray();
        for (var i = 0; i < Stages.Length; i++)
        {
            bool completed;
            if (snapshot.Status == "completed")
            {
                completed = i <= 5;
            }
            else if (snapshot.Status == "failed")
            {
                completed = i == 6 || i < snapshot.Stage;
            }
            else
            {
                completed = i < snapshot.Stage;
            }

            steps.Push(new JsonObject { ["status"] = Stages[i], ["order"] = i + 1, ["completed"] = completed });
        }

        return steps;
    }

    private int StageAt(DateTimeOffset at)
    {
        for (var i = 0; i < 5; i++)
        {
            if (at < StageEnd(i))
            {
                return i;
            }
        }

        return 5;
    }

    private int? CheckedAt(DateTimeOffset at)
    {
        var snapshot = FailAt is null ? Evaluate(at) : WithoutFailure(at);
        return snapshot.Checked;
    }

    private JobSnapshot WithoutFailure(DateTimeOffset at)
    {
        var saved = FailAt;
        FailAt = null;
        try
        {
            return Evaluate(at);
        }
        finally
        {
            FailAt = saved;
        }
    }
}
