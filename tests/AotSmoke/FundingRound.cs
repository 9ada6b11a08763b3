using System;
using CatchAll;
using CatchAll.Models;

/// <summary>Stages of a funding round: an option enrichment.</summary>
internal enum FundingStage
{
    Seed,
    SeriesA,
    SeriesB,
}

/// <summary>The typed enrichment set, read and written without reflection under NativeAOT.</summary>
[CatchAllEnrichments]
internal partial record FundingRound
{
    [Enrichment("Name of the company that raised the money")] public string? InvesteeCompany { get; init; }
    [Enrichment("Amount raised, in units of the currency")] public decimal? FundingAmount { get; init; }
    [Enrichment("ISO 4217 code of the currency")] public string? FundingCurrency { get; init; }
    [Enrichment("Date the round was announced")] public DateOnly? AnnouncementDate { get; init; }
    [Enrichment("The lead investor")] public CompanyEnrichmentOutput? LeadInvestor { get; init; }
    [Enrichment("Stage of the round")] public FundingStage? Stage { get; init; }
}
