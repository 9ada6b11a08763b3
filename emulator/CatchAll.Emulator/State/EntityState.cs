using System;
using System.Text.Json.Nodes;

namespace CatchAll.Emulator.State;

internal sealed class EntityState
{
    public required Guid Id { get; init; }

    public required string EntityType { get; init; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>company_attributes as sent (domain, description, key_persons, alternative_names).</summary>
    public JsonObject? CompanyAttributes { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; set; }

    public required DateTimeOffset EnrichingAt { get; init; }

    public required DateTimeOffset ReadyAt { get; init; }

    public string Status(DateTimeOffset now) => now >= ReadyAt ? "ready" : now >= EnrichingAt ? "enriching" : "pending";

    public string? Domain => CompanyAttributes?["domain"] is JsonValue value && value.TryGetValue(out string? domain) ? domain : null;
}
