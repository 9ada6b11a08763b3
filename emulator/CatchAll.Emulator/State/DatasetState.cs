using System;
using System.Collections.Generic;

namespace CatchAll.Emulator.State;

/// <summary>
/// A dataset. Its status history is planned ahead (pending, enriching, ready with their times)
/// and entries become visible as the API clock reaches them.
/// </summary>
internal sealed class DatasetState
{
    public required Guid Id { get; init; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public List<Guid> EntityIds { get; } = [];

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; set; }

    public List<(string Status, DateTimeOffset At)> Plan { get; } = [];

    /// <summary>An injected fault: the enrichment that would make the dataset ready fails instead.</summary>
    public bool FailsInsteadOfReady { get; init; }

    public string Status(DateTimeOffset now)
    {
        var status = "pending";
        foreach (var (s, at) in Plan)
        {
            if (at <= now)
            {
                status = s;
            }
        }

        return Shown(status);
    }

    /// <summary>A planned status as the API reports it, once the injected fault is applied.</summary>
    public string Shown(string planned) => FailsInsteadOfReady && planned == "ready" ? "failed" : planned;

    /// <summary>Replans after entities were added at <paramref name="now"/> that become ready at <paramref name="readyAt"/>.</summary>
    public void Replan(DateTimeOffset now, DateTimeOffset enrichingAt, DateTimeOffset readyAt)
    {
        Plan.RemoveAll(entry => entry.At > now);
        var current = Status(now);
        if (readyAt <= now)
        {
            if (current != "ready")
            {
                Plan.Add(("ready", now));
            }

            return;
        }

        if (current == "pending")
        {
            Plan.Add(("enriching", enrichingAt > now ? enrichingAt : now));
        }
        else if (current != "enriching")
        {
            Plan.Add(("enriching", now));
        }

        Plan.Add(("ready", readyAt));
    }
}
