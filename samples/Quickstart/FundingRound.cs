using System;
using CatchAll;
using CatchAll.Models;

namespace Quickstart;

/// <summary>Stage of a funding round: an option enrichment, matched whatever the spelling the service uses.</summary>
internal enum FundingStage
{
    PreSeed,
    Seed,
    SeriesA,
    SeriesB,
    SeriesC,
    Growth,
}

/// <summary>
/// What the quickstart's job extracts for every record, declared once: the generator turns it into the job's
/// enrichments and reads each record's enrichment object into it (see "Typed enrichments" in the README).
/// </summary>
[CatchAllEnrichments]
internal sealed partial record FundingRound
{
    [Enrichment("Name of the company that raised the money")] public string? InvesteeCompany { get; init; }
    [Enrichment("Amount raised, in units of the currency")] public decimal? FundingAmount { get; init; }
    [Enrichment("ISO 4217 code of the currency")] public string? FundingCurrency { get; init; }
    [Enrichment("Date the round was announced")] public DateOnly? AnnouncementDate { get; init; }
    [Enrichment("The lead investor")] public CompanyEnrichmentOutput? LeadInvestor { get; init; }
    [Enrichment("Stage of the round")] public FundingStage? Stage { get; init; }
}
