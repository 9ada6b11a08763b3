using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace CatchAll.Emulator.Synthetic;

internal sealed record CompanyRef(string Name, string? Domain, string? DomainConfidence);

internal sealed record CitationInfo(string Title, string Link, DateTimeOffset PublishedAt, string SourceId);

/// <summary>How a watchlist entity relates to an event.</summary>
internal sealed record WatchlistLink(Guid EntityId, string Name, string EntityType, int Score, string Relation, string Association, JsonObject? Attributes);

/// <summary>One invented real-world event, with every detail any enrichment could ask for.</summary>
internal sealed class SyntheticEvent
{
    public required ulong Hash { get; init; }

    public required string RecordId { get; init; }

    public required Topic Topic { get; init; }

    public required DateTimeOffset PublishedAt { get; init; }

    public required DateTimeOffset EventDate { get; init; }

    public required CompanyRef Subject { get; init; }

    public required CompanyRef Counterparty { get; init; }

    public required string Person { get; init; }

    public required string Role { get; init; }

    public required long Amount { get; init; }

    public required long SecondaryAmount { get; init; }

    public required string Currency { get; init; }

    public required string Round { get; init; }

    public required int Headcount { get; init; }

    public required double Percent { get; init; }

    public required string Product { get; init; }

    public required string ProductCategory { get; init; }

    public required string Country { get; init; }

    public required string City { get; init; }

    public required string Sector { get; init; }

    public required string Issue { get; init; }

    public required string Regulator { get; init; }

    public required string Exchange { get; init; }

    public required string Facility { get; init; }

    public required string Reason { get; init; }

    public required string Area { get; init; }

    public required string Title { get; init; }

    public required string Summary { get; init; }

    public required IReadOnlyList<CitationInfo> Citations { get; init; }

    /// <summary>Set for watchlist jobs: the tracked entities the event concerns.</summary>
    public IReadOnlyList<WatchlistLink> Links { get; init; } = [];
}
