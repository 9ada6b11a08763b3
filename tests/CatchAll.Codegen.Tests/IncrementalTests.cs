using System.Collections.Generic;
using System.Linq;
using CatchAll.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CatchAll.Codegen.Tests;

/// <summary>
/// The generator is incremental in fact, not only in name: typing in a C# file reuses every step,
/// editing the spec regenerates, and no step output holds a Roslyn object that would defeat caching.
/// </summary>
public sealed class IncrementalTests
{
    private static readonly string[] TrackedSteps =
    {
        CatchAllGenerator.SpecInputStep,
        CatchAllGenerator.ParseStep,
        CatchAllGenerator.RuntimeStep,
        CatchAllGenerator.WebhooksStep,
        CatchAllGenerator.ConsumerStep,
        CatchAllGenerator.EmissionPlanStep,
    };

    private const string AddedOperation = """
          /things/{id}/touch:
            post:
              tags: [Things]
              operationId: touchThing
              parameters:
                - name: id
                  in: path
                  required: true
                  schema:
                    type: string
              responses:
                '204':
                  description: Touched.

        """;

    [Fact]
    public void An_unrelated_syntax_tree_leaves_every_step_cached_and_regenerates_nothing()
    {
        var first = Scenarios.Run(Scenarios.Bundled);
        var edited = first.Input.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer; internal sealed class Unrelated { }", GeneratorHarness.ParseOptions));

        var second = GeneratorHarness.Run(first.Driver, edited);

        var result = second.Single;
        foreach (var step in TrackedSteps)
        {
            var runs = StepRuns(result, step);
            Assert.All(runs.SelectMany(r => r.Outputs), output =>
                Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"{step} output was {output.Reason} after an unrelated edit."));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs), output =>
            Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"A source output step was {output.Reason} after an unrelated edit."));
        Assert.Equal(
            first.Sources.Select(s => (s.HintName, s.SourceText.ToString())),
            second.Sources.Select(s => (s.HintName, s.SourceText.ToString())));
    }

    [Fact]
    public void Editing_the_spec_regenerates_and_the_new_operation_appears()
    {
        var spec = Scenarios.Get("Nullable").Spec;
        var compilation = GeneratorHarness.CreateCompilation();
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(new[] { spec }, out var texts), compilation);
        Assert.DoesNotContain("TouchThingAsync", first.Source("Specs.Nullable.ThingsClient.g.cs"));

        var editedSpec = spec with { Text = spec.Text.Replace("components:\n", AddedOperation + "components:\n") };
        Assert.NotEqual(spec.Text, editedSpec.Text);
        var driver = first.Driver.ReplaceAdditionalText(texts.Single(), editedSpec.ToAdditionalText());
        var second = GeneratorHarness.Run(driver, compilation);

        second.AssertDidNotCrash();
        var result = second.Single;
        Assert.Contains(StepRuns(result, CatchAllGenerator.SpecInputStep).SelectMany(r => r.Outputs), o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        Assert.Contains(StepRuns(result, CatchAllGenerator.ParseStep).SelectMany(r => r.Outputs), o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        Assert.Contains(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs), o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);

        var client = second.Source("Specs.Nullable.ThingsClient.g.cs");
        Assert.Contains("TouchThingAsync(string id,", client);
        Assert.Contains(".AppendPath(\"/touch\");", client);

        // Only the client changed: the models are byte for byte what the first run produced.
        Assert.Equal(first.Source("Specs.Nullable.Models.Thing.g.cs"), second.Source("Specs.Nullable.Models.Thing.g.cs"));
        Assert.Empty(second.Output.GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden));
    }

    [Fact]
    public void A_spec_edit_that_changes_no_model_reparses_but_regenerates_nothing()
    {
        // Proves the parse result is compared by value: a fresh parse of an equivalent spec equals the old one.
        var spec = Scenarios.Get("Unions").Spec;
        var compilation = GeneratorHarness.CreateCompilation();
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(new[] { spec }, out var texts), compilation);

        var driver = first.Driver.ReplaceAdditionalText(texts.Single(), (spec with { Text = spec.Text + "# a trailing comment\n" }).ToAdditionalText());
        var second = GeneratorHarness.Run(driver, compilation);

        var result = second.Single;
        Assert.Contains(StepRuns(result, CatchAllGenerator.SpecInputStep).SelectMany(r => r.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.All(StepRuns(result, CatchAllGenerator.ParseStep).SelectMany(r => r.Outputs), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs), o =>
            Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"source output was {o.Reason}"));
    }

    [Fact]
    public void Changing_the_namespace_metadata_regenerates_into_the_new_namespace()
    {
        var spec = Scenarios.Get("Patch").Spec;
        var compilation = GeneratorHarness.CreateCompilation();
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(new[] { spec }), compilation);

        var renamed = spec with { Namespace = "Renamed.Api" };
        var driver = first.Driver.WithUpdatedAnalyzerConfigOptions(new TestAnalyzerConfigOptionsProvider(new[]
        {
            new KeyValuePair<string, System.Collections.Immutable.ImmutableDictionary<string, string>>(renamed.Path, renamed.Metadata()),
        }));
        var second = GeneratorHarness.Run(driver, compilation);

        second.AssertDidNotCrash();
        Assert.Contains(StepRuns(second.Single, CatchAllGenerator.SpecInputStep).SelectMany(r => r.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.All(second.Sources, s => Assert.StartsWith("Renamed.Api.", s.HintName, System.StringComparison.Ordinal));
        Assert.Contains("namespace Renamed.Api.Models", second.Source("Renamed.Api.Models.ItemUpdate.g.cs"));
        Assert.Empty(second.Output.GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden));
    }

    [Fact]
    public void Dropping_the_runtime_reference_is_noticed_and_reported()
    {
        var first = Scenarios.Run("Nullable");
        var withoutRuntime = first.Input.RemoveReferences(first.Input.References.Where(r => r.Display?.EndsWith("CatchAll.Runtime.dll", System.StringComparison.Ordinal) == true));
        Assert.NotEqual(first.Input.References.Count(), withoutRuntime.References.Count());

        var second = GeneratorHarness.Run(first.Driver, withoutRuntime);

        second.AssertDidNotCrash();
        Assert.Contains(StepRuns(second.Single, CatchAllGenerator.RuntimeStep).SelectMany(r => r.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Single(second.WithId("CATCH0011"));
        Assert.Empty(second.Sources);
    }

    [Fact]
    public void No_tracked_step_output_holds_a_roslyn_object()
    {
        var run = Scenarios.Run(Scenarios.Bundled);
        var result = run.Single;
        var reached = new HashSet<string>();
        foreach (var step in TrackedSteps)
        {
            var runs = StepRuns(result, step);
            var outputIndex = 0;
            foreach (var output in runs.SelectMany(r => r.Outputs))
            {
                var problems = PipelineGraph.FindForbidden(output.Value, $"{step}[{outputIndex++}]", out _);
                Assert.True(problems.Count == 0, "Step outputs reach Roslyn objects:\n" + string.Join("\n", problems.Take(20)));
                reached.UnionWith(PipelineGraph.TypeNames(output.Value));
            }
        }

        // The walk really went through the model, down to its leaves.
        Assert.Contains("SpecInput", reached);
        Assert.Contains("ParseResult", reached);
        Assert.Contains("SpecModel", reached);
        Assert.Contains("PropertyDecl", reached);
        Assert.Contains("OperationModel", reached);
        Assert.Contains("TypeRef", reached);
    }

    [Fact]
    public void The_graph_walker_finds_a_roslyn_object_when_there_is_one()
    {
        var planted = new { Name = "x", Nested = new object[] { 1, Location.None } };

        var problems = PipelineGraph.FindForbidden(planted, "root", out var visited);

        var problem = Assert.Single(problems);
        Assert.Contains("Location", problem);
        Assert.True(visited >= 3);
    }

    private static IReadOnlyList<IncrementalGeneratorRunStep> StepRuns(GeneratorRunResult result, string step)
    {
        Assert.True(result.TrackedSteps.TryGetValue(step, out var runs), $"step '{step}' was not tracked; tracked: {string.Join(", ", result.TrackedSteps.Keys)}");
        Assert.NotEmpty(runs);
        return runs;
    }
}
