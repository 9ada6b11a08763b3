using System;
using CatchAll;
using CatchAll.Models;

namespace CatchAll.Bench.Json;

/// <summary>Six of the bench pull page's enrichment fields as a typed set (issue 12's "T with 5-6 fields").</summary>
[CatchAllEnrichments]
public sealed partial record PulledRound
{
    /// <summary>Amount raised.</summary>
    [Enrichment("Amount raised")] public decimal? FundingAmount { get; init; }

    /// <summary>Currency code.</summary>
    [Enrichment("Currency code")] public string? FundingCurrency { get; init; }

    /// <summary>Announcement date.</summary>
    [Enrichment("Announcement date")] public DateOnly? FundingDate { get; init; }

    /// <summary>The company that raised.</summary>
    [Enrichment("The company that raised")] public CompanyEnrichmentOutput? InvesteeCompany { get; init; }

    /// <summary>The lead investor.</summary>
    [Enrichment("The lead investor")] public CompanyEnrichmentOutput? InvestorCompany { get; init; }

    /// <summary>Post-money valuation.</summary>
    [Enrichment("Post-money valuation")] public long? Valuation { get; init; }
}
