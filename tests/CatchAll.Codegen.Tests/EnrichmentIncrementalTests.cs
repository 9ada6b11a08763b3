using System.Collections.Generic;
using System.Linq;
using CatchAll.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CatchAll.Codegen.Tests;

/// <summary>
/// The enrichment pipeline is incremental like the first: an unrelated edit leaves its steps and outputs cached, an
/// edit to an enrichment type regenerates that type, and its model holds no Roslyn object.
/// </summary>
public sealed class EnrichmentIncrementalTests
{
    private const string Declaration = """
        using System;
        using CatchAll;
        using CatchAll.Models;

        namespace Consumer;

        internal enum Stage { Seed, SeriesA }

        [CatchAllEnrichments]
        internal partial record FundingRound
        {
            [Enrichment("Amount raised")] public decimal? FundingAmount { get; init; }
            [Enrichment("Stage of the round")] public Stage? Stage { get; init; }
            [Enrichment("Lead investor")] public CompanyEnrichmentOutput? LeadInvestor { get; init; }
        }
        """;

    private static readonly string[] Steps = { CatchAllGenerator.EnrichmentTypesStep, CatchAllGenerator.EnrichmentTargetStep };

    private static GeneratorRun First() =>
        GeneratorHarness.Run(GeneratorHarness.CreateCompilation(Declaration), new[] { Scenarios.Get(Scenarios.Bundled).Spec });

    [Fact]
    public void An_unrelated_edit_leaves_the_enrichment_steps_and_outputs_cached()
    {
        var first = First();
        Assert.Contains(first.Sources, s => s.HintName == "Consumer.FundingRound.Enrichments.g.cs");
        var edited = first.Input.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer; internal sealed class Unrelated { public int X { get; set; } }", GeneratorHarness.ParseOptions));

        var second = GeneratorHarness.Run(first.Driver, edited);

        var result = second.Single;
        foreach (var step in Steps)
        {
            Assert.All(StepRuns(result, step).SelectMany(r => r.Outputs), output =>
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} output was {output.Reason}"));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs), output =>
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"a source output was {output.Reason}"));
        Assert.Equal(first.Sources.Select(s => (s.HintName, s.SourceText.ToString())), second.Sources.Select(s => (s.HintName, s.SourceText.ToString())));
    }

    [Fact]
    public void Editing_the_enrichment_type_regenerates_it()
    {
        var first = First();
        var tree = first.Input.SyntaxTrees.Single();
        var changed = first.Input.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(
            Declaration.Replace("[Enrichment(\"Amount raised\")]", "[Enrichment(\"Amount raised, in dollars\")]"), GeneratorHarness.ParseOptions, path: tree.FilePath));

        var second = GeneratorHarness.Run(first.Driver, changed);

        Assert.Contains(StepRuns(second.Single, CatchAllGenerator.EnrichmentTypesStep).SelectMany(r => r.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("Amount raised, in dollars", second.Source("Consumer.FundingRound.Enrichments.g.cs"), System.StringComparison.Ordinal);
        Assert.All(StepRuns(second.Single, CatchAllGenerator.EnrichmentTargetStep).SelectMany(r => r.Outputs), o =>
            Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"the target step was {o.Reason}"));
    }

    [Fact]
    public void No_enrichment_step_output_holds_a_roslyn_object()
    {
        var result = First().Single;
        var reached = new HashSet<string>();
        foreach (var step in Steps)
        {
            var index = 0;
            foreach (var output in StepRuns(result, step).SelectMany(r => r.Outputs))
            {
                var problems = PipelineGraph.FindForbidden(output.Value, $"{step}[{index++}]", out _);
                Assert.True(problems.Count == 0, "Step outputs reach Roslyn objects:\n" + string.Join("\n", problems.Take(20)));
                reached.UnionWith(PipelineGraph.TypeNames(output.Value));
            }
        }

        Assert.Contains("EnrichmentTypeModel", reached);
        Assert.Contains("EnrichmentPropertyModel", reached);
        Assert.Contains("EnrichmentOption", reached);
        Assert.Contains("EnrichmentTarget", reached);
    }

    [Fact]
    public void Without_an_enrichment_type_only_the_suggestions_extension_is_generated()
    {
        var bundled = Scenarios.Run(Scenarios.Bundled);

        Assert.DoesNotContain(bundled.Sources, s => s.HintName.Contains("Enrichments.g.cs", System.StringComparison.Ordinal) || s.HintName == "CatchAll.EnrichmentExtensions.g.cs");
        Assert.Single(bundled.Sources, s => s.HintName == "CatchAll.EnrichmentExtensions.Suggestions.g.cs");
        Assert.True(bundled.Single.TrackedSteps.ContainsKey(CatchAllGenerator.EnrichmentTargetStep));
    }

    private static IReadOnlyList<IncrementalGeneratorRunStep> StepRuns(GeneratorRunResult result, string step)
    {
        Assert.True(result.TrackedSteps.TryGetValue(step, out var runs), $"step '{step}' was not tracked; tracked: {string.Join(", ", result.TrackedSteps.Keys)}");
        Assert.NotEmpty(runs);
        return runs;
    }
}
