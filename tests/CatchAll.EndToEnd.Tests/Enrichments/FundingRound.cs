using System;
using CatchAll.Models;

namespace CatchAll.EndToEnd.Tests.Enrichments;

/// <summary>The contract, as a user writes it.</summary>
public enum FundingStage
{
    Seed,
    SeriesA,
    SeriesB,
    SeriesC,
}

/// <summary>The contract, as a user writes it.</summary>
#region README typed-enrichments-declaration
[CatchAllEnrichments]
public partial record FundingRound
{
    [Enrichment("Name of the company that raised the money")] public string? InvesteeCompany { get; init; }
    [Enrichment("Amount raised, in units of the currency")]   public decimal? FundingAmount { get; init; }
    [Enrichment("ISO 4217 code of the currency")]             public string? FundingCurrency { get; init; }
    [Enrichment("Date the round was announced")]              public DateOnly? AnnouncementDate { get; init; }
    [Enrichment("The lead investor")]                         public CompanyEnrichmentOutput? LeadInvestor { get; init; }
    [Enrichment("Stage of the round")]                        public FundingStage? Stage { get; init; }
}
#endregion

/// <summary>Every other kind of value: integers, floats, date-times, URLs, forced types, renamed fields.</summary>
[CatchAllEnrichments]
public partial class Everything
{
    [Enrichment("Head count")] public int? Employees { get; set; }
    [Enrichment("Share of revenue")] public double? Share { get; set; }
    [Enrichment("Rounds so far")] public long Rounds { get; set; }
    [Enrichment("When it happened")] public DateTimeOffset? HappenedAt { get; set; }
    [Enrichment("Local time it happened")] public DateTime? LocalTime { get; set; }
    [Enrichment("Press release")] public Uri? PressRelease { get; set; }
    [Enrichment("Website, as text", Type = "url")] public string? Website { get; set; }
    [Enrichment("Ticker symbol", Name = "ticker")] public string? StockSymbol { get; set; }
    [Enrichment("Weight")] public float? Weight { get; set; }
    [Enrichment("A small count")] public byte? Small { get; set; }
}
