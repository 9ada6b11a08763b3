using System;
using CatchAll;
using CatchAll.Models;

namespace ExportCsv;

/// <summary>The fields the job extracts for each acquisition it finds; each becomes a CSV column.</summary>
[CatchAllEnrichments]
public partial record Acquisition
{
    [Enrichment("The company that bought")] public CompanyEnrichmentOutput? Acquirer { get; init; }
    [Enrichment("Name of the company that was bought")] public string? TargetCompany { get; init; }
    [Enrichment("Price paid, in units of the currency")] public decimal? DealValue { get; init; }
    [Enrichment("ISO 4217 code of the currency")] public string? DealCurrency { get; init; }
    [Enrichment("Date the deal was announced")] public DateOnly? AnnouncementDate { get; init; }
    [Enrichment("How the deal was structured")] public DealKind? Kind { get; init; }
}

/// <summary>An option: the service answers with one of these.</summary>
public enum DealKind
{
    Cash,
    Stock,
    Mixed,
}
