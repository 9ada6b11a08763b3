using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CatchAll.Bench.Baseline;

// What a careful person writes by hand for the same wire shapes: plain mutable classes, List<T>,
// strings for enum-like values, one extension-data bag where the spec allows any key. No validation.
#pragma warning disable CS1591 // The shapes are the spec's; repeating its descriptions here adds nothing.

public sealed class PullJobResponse
{
    [JsonPropertyName("job_id")] public Guid JobId { get; set; }
    [JsonPropertyName("query")] public string? Query { get; set; }
    [JsonPropertyName("context")] public string? Context { get; set; }
    [JsonPropertyName("validators")] public List<Dictionary<string, JsonElement>>? Validators { get; set; }
    [JsonPropertyName("enrichments")] public List<Dictionary<string, JsonElement>>? Enrichments { get; set; }
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("error")] public string? Error { get; set; }
    [JsonPropertyName("limit")] public int? Limit { get; set; }
    [JsonPropertyName("duration")] public string? Duration { get; set; }
    [JsonPropertyName("candidate_records")] public int? CandidateRecords { get; set; }
    [JsonPropertyName("valid_records")] public int? ValidRecords { get; set; }
    [JsonPropertyName("progress_validated")] public int? ProgressValidated { get; set; }
    [JsonPropertyName("date_range")] public DateRange? DateRange { get; set; }
    [JsonPropertyName("page")] public int? Page { get; set; }
    [JsonPropertyName("page_size")] public int? PageSize { get; set; }
    [JsonPropertyName("total_pages")] public int? TotalPages { get; set; }
    [JsonPropertyName("mode")] public string? Mode { get; set; }
    [JsonPropertyName("sharing_info")] public SharingInfo? SharingInfo { get; set; }
    [JsonPropertyName("all_records")] public List<Record>? AllRecords { get; set; }
}

public sealed class DateRange
{
    [JsonPropertyName("start_date")] public DateTimeOffset? StartDate { get; set; }
    [JsonPropertyName("end_date")] public DateTimeOffset? EndDate { get; set; }
}

public sealed class SharingInfo
{
    [JsonPropertyName("shared_at")] public DateTimeOffset SharedAt { get; set; }
    [JsonPropertyName("permission")] public string Permission { get; set; } = "";
    [JsonPropertyName("shared_by")] public string SharedBy { get; set; } = "";
}

public sealed class Record
{
    [JsonPropertyName("record_id")] public string RecordId { get; set; } = "";
    [JsonPropertyName("record_title")] public string RecordTitle { get; set; } = "";
    [JsonPropertyName("enrichment")] public RecordEnrichment Enrichment { get; set; } = new();
    [JsonPropertyName("citations")] public List<Citation> Citations { get; set; } = new();
    [JsonPropertyName("connected_entities")] public List<ConnectedEntity>? ConnectedEntities { get; set; }
}

public sealed class RecordEnrichment
{
    [JsonPropertyName("enrichment_confidence")] public string? EnrichmentConfidence { get; set; }

    /// <summary>Per-job fields: the spec leaves their keys open.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? Fields { get; set; }
}

public sealed class Citation
{
    [JsonPropertyName("title")] public string Title { get; set; } = "";
    [JsonPropertyName("link")] public string Link { get; set; } = "";
    [JsonPropertyName("published_date")] public DateTimeOffset PublishedDate { get; set; }
}

public sealed class ConnectedEntity
{
    [JsonPropertyName("entity_id")] public Guid EntityId { get; set; }
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("ed_score")] public int EdScore { get; set; }
    [JsonPropertyName("relation")] public string Relation { get; set; } = "";
    [JsonPropertyName("association_type")] public string? AssociationType { get; set; }
    [JsonPropertyName("type")] public string Type { get; set; } = "";
    [JsonPropertyName("company")] public CompanyAttributes? Company { get; set; }
}

public sealed class CompanyAttributes
{
    [JsonPropertyName("domain")] public string? Domain { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("key_persons")] public List<string>? KeyPersons { get; set; }
    [JsonPropertyName("alternative_names")] public List<string>? AlternativeNames { get; set; }
}

public sealed class StatusResponse
{
    [JsonPropertyName("job_id")] public Guid JobId { get; set; }
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("steps")] public List<JobStep>? Steps { get; set; }
}

public sealed class JobStep
{
    [JsonPropertyName("status")] public string Status { get; set; } = "";
    [JsonPropertyName("order")] public int Order { get; set; }
    [JsonPropertyName("completed")] public bool Completed { get; set; }
}

public sealed class SubmitRequest
{
    [JsonPropertyName("query")] public string Query { get; set; } = "";
    [JsonPropertyName("context")] public string? Context { get; set; }
    [JsonPropertyName("limit")] public int? Limit { get; set; }
    [JsonPropertyName("start_date")] public DateTimeOffset? StartDate { get; set; }
    [JsonPropertyName("end_date")] public DateTimeOffset? EndDate { get; set; }
    [JsonPropertyName("validators")] public List<Validator>? Validators { get; set; }
    [JsonPropertyName("enrichments")] public List<EnrichmentField>? Enrichments { get; set; }
    [JsonPropertyName("mode")] public string? Mode { get; set; }
    [JsonPropertyName("connected_dataset_ids")] public List<Guid>? ConnectedDatasetIds { get; set; }
    [JsonPropertyName("ed_score_min")] public int? EdScoreMin { get; set; }
    [JsonPropertyName("project_id")] public Guid? ProjectId { get; set; }
    [JsonPropertyName("webhook_ids")] public List<Guid>? WebhookIds { get; set; }
    [JsonPropertyName("fetch_all_watchlist_news")] public bool? FetchAllWatchlistNews { get; set; }
    [JsonPropertyName("ed_association_type")] public string? EdAssociationType { get; set; }
}

public sealed class Validator
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("description")] public string Description { get; set; } = "";
    [JsonPropertyName("type")] public string? Type { get; set; }
}

public sealed class EnrichmentField
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("description")] public string Description { get; set; } = "";
    [JsonPropertyName("type")] public string Type { get; set; } = "";
}

public sealed class SubmitResponse
{
    [JsonPropertyName("job_id")] public Guid JobId { get; set; }
}
#pragma warning restore CS1591
