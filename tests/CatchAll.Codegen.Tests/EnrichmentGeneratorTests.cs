using System.Collections.Generic;
using System.Linq;
using CatchAll.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CatchAll.Codegen.Tests;

/// <summary>
/// The second pipeline: a [CatchAllEnrichments] type gets schemas, a reader, a writer and the typed client methods,
/// compiled at the strictest warning level; each mistake in a declaration is a CATCH diagnostic at the property or
/// type; and the pipeline stays cached while unrelated code changes.
/// </summary>
public sealed class EnrichmentGeneratorTests
{
    private const string Contract = """
        using System;
        using CatchAll;
        using CatchAll.Models;

        namespace Consumer;

        internal enum FundingStage { Seed, SeriesA, SeriesB, [System.Runtime.Serialization.EnumMember(Value = "growth_equity")] Growth }

        [CatchAllEnrichments]
        internal partial record FundingRound
        {
            [Enrichment("Name of the company that raised the money")] public string? InvesteeCompany { get; init; }
            [Enrichment("Amount raised, in units of the currency")]   public decimal? FundingAmount { get; init; }
            [Enrichment("ISO 4217 code of the currency")]             public string? FundingCurrency { get; init; }
            [Enrichment("Date the round was announced")]              public DateOnly? AnnouncementDate { get; init; }
            [Enrichment("The lead investor")]                         public CompanyEnrichmentOutput? LeadInvestor { get; init; }
            [Enrichment("Stage of the round")]                        public FundingStage? Stage { get; init; }
        }

        internal static class Usage
        {
            public static async System.Threading.Tasks.Task<decimal?> RunAsync(CatchAllClient client)
            {
                var status = await client.Jobs.SubmitAndWaitAsync<FundingRound>(new SubmitRequest { Query = "Series B rounds for SaaS startups", Limit = 50 });
                decimal? total = 0;
                await foreach (var r in client.Jobs.GetJobResultsAllAsync<FundingRound>(status.JobId))
                {
                    Console.WriteLine($"{r.Record.RecordTitle}: {r.Enrichment.FundingAmount} {r.Enrichment.FundingCurrency}");
                    total += r.Enrichment.FundingAmount;
                }

                return total;
            }
        }
        """;

    [Fact]
    public void The_issue_sample_compiles_at_the_strictest_level_with_the_bundled_spec()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(Contract), new[] { Scenarios.Get(Scenarios.Bundled).Spec });

        run.AssertDidNotCrash();
        Assert.Empty(run.Diagnostics);
        Assert.Contains(run.Sources, s => s.HintName == "Consumer.FundingRound.Enrichments.g.cs");
        Assert.Contains(run.Sources, s => s.HintName == "CatchAll.EnrichmentExtensions.g.cs");
        var errors = run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)) + "\n" + run.Source("Consumer.FundingRound.Enrichments.g.cs"));
    }
    [Fact]
    public void A_spec_in_a_namespace_of_its_own_gets_the_typed_methods_there()
    {
        const string Source = """
            using System;
            using CatchAll;
            using My.Api;
            using My.Api.Models;

            namespace Consumer;

            [CatchAllEnrichments]
            internal partial class Deal
            {
                [Enrichment("Buyer")] public CompanyEnrichmentOutput? Buyer { get; set; }
                [Enrichment("Price")] public double? Price { get; set; }
            }

            internal static class Usage
            {
                public static async System.Threading.Tasks.Task<int> RunAsync(CatchAllClient client)
                {
                    var status = await client.Jobs.SubmitAndWaitAsync<Deal>(new SubmitRequest { Query = "deals", Limit = 10 });
                    var pulled = await client.Monitors.PullMonitorResultsAsync<Deal>(Guid.Empty);
                    return pulled.Records.Count + (status.JobId == Guid.Empty ? 0 : 1);
                }
            }
            """;
        var spec = Scenarios.Get(Scenarios.Bundled).Spec with { Namespace = "My.Api" };

        var run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(Source), new[] { spec });

        run.AssertDidNotCrash();
        Assert.Empty(run.Diagnostics);
        Assert.Contains("global::My.Api.CatchAllClientJson.CompanyEnrichmentOutput", run.Source("Consumer.Deal.Enrichments.g.cs"), System.StringComparison.Ordinal);
        Assert.Contains(run.Sources, s => s.HintName == "My.Api.EnrichmentExtensions.g.cs");
        var errors = run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
    }
}
