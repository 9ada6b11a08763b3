using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using CatchAll.Emulator.Http;
using CatchAll.Emulator.Synthetic;

namespace CatchAll.Emulator.State;

/// <summary>A validated job submission (from the API or from a monitor run).</summary>
internal sealed class JobRequest
{
    public required string Query { get; init; }

    public string? Context { get; init; }

    public int? Limit { get; init; }

    public required DateTimeOffset StartDate { get; init; }

    public required DateTimeOffset EndDate { get; init; }

    /// <summary>Null: suggest from the query.</summary>
    public IReadOnlyList<FieldSuggestion>? Validators { get; init; }

    /// <summary>Null: suggest from the query.</summary>
    public IReadOnlyList<FieldSuggestion>? Enrichments { get; init; }

    /// <summary>
    /// The caller defined <see cref="Enrichments"/> (a monitor run inherits this from its reference job, whose
    /// suggested fields it copies), so records fill them through <see cref="DefinedEnrichments"/>.
    /// </summary>
    public bool EnrichmentsDefined { get; init; }

    public string Mode { get; init; } = "base";

    public IReadOnlyList<Guid> DatasetIds { get; init; } = [];

    public int EdScoreMin { get; init; } = 2;

    public string? AssociationType { get; init; }

    public bool FetchAllWatchlistNews { get; init; }

    public static JsonArray ToJson(IReadOnlyList<FieldSuggestion> fields, bool withType)
    {
        var array = new JsonArray();
        foreach (var field in fields)
        {
            var item = new JsonObject { ["name"] = field.Name, ["description"] = field.Description };
            if (withType)
            {
                item["type"] = field.Type;
            }
            else
            {
                item["type"] = "boolean";
            }

            array.Push(item);
        }

        return array;
    }
}
