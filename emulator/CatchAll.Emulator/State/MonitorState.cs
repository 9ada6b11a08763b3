using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using CatchAll.Emulator.Scheduling;

namespace CatchAll.Emulator.State;

internal sealed record MonitorRun(Guid JobId, DateTimeOffset Start, DateTimeOffset End, DateTimeOffset ScheduledAt);

internal sealed record MonitorStatus(string Status, DateTimeOffset At, JsonObject? Info);

/// <summary>A record collected by a monitor, with the citations each run added.</summary>
internal sealed class MonitorRecord
{
    public required string RecordId { get; init; }

    public required JsonObject Record { get; set; }

    public JsonArray Citations { get; } = [];

    public required DateTimeOffset AddedOn { get; init; }

    public required DateTimeOffset UpdatedOn { get; set; }

    public JsonObject ToJson(EmulatorState state)
    {
        var json = new JsonObject
        {
            ["record_id"] = RecordId,
            ["record_title"] = Record["record_title"]?.DeepClone(),
            ["enrichment"] = Record["enrichment"]?.DeepClone(),
            ["citations"] = Citations.DeepClone(),
            ["added_on"] = state.Stamp("monitor_record.added_on", AddedOn),
            ["updated_on"] = state.Stamp("monitor_record.updated_on", UpdatedOn),
        };
        if (Record["connected_entities"] is JsonNode connected)
        {
            json["connected_entities"] = connected.DeepClone();
        }

        return json;
    }
}

internal sealed class MonitorState : IUserQuery
{
    public required Guid Id { get; init; }

    public required Guid ReferenceJobId { get; init; }

    public required string Query { get; init; }

    public string? Context { get; init; }

    public required ParsedSchedule Schedule { get; init; }

    public required string Timezone { get; init; }

    public required TimeZoneInfo Zone { get; init; }

    public bool Enabled { get; set; } = true;

    public int? Limit { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public bool Deleted { get; set; }

    /// <summary>Occurrences up to this instant have been handled.</summary>
    public required DateTimeOffset Cursor { get; set; }

    /// <summary>Start of the next run's window when it must fill a gap (backfill); null means the cron window.</summary>
    public DateTimeOffset? NextWindowStart { get; set; }

    public List<MonitorRun> Runs { get; } = [];

    public List<MonitorStatus> History { get; } = [];

    public Dictionary<string, MonitorRecord> Records { get; } = new(StringComparer.Ordinal);

    public List<string> RecordOrder { get; } = [];

    /// <summary>The reference job's records still owed to the first webhook delivery.</summary>
    public List<string> PendingInitialRecords { get; } = [];

    public int JobsProcessed { get; set; }
}
