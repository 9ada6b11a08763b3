using System.Collections.Generic;
using System.Linq;
using CatchAll.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CatchAll.Codegen.Tests;

/// <summary>
/// The opt-in subset (<c>Resources="Jobs;Monitors"</c>): only the named resource clients, the models their
/// operations reach and the helpers whose operations all stay are generated, and the result still compiles.
/// </summary>
public sealed class ResourceSubsetTests
{
    private const string Spec = """
        openapi: 3.1.0
        info:
          title: Subset
          version: 1.0.0
        servers:
          - url: https://subset.example.test
        tags:
          - name: Shapes
          - name: Other things
        paths:
          /shapes/{id}:
            get:
              tags: [Shapes]
              operationId: getShape
              parameters:
                - name: id
                  in: path
                  required: true
                  schema:
                    type: string
              responses:
                '200':
                  description: A drawing.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Drawing'
          /others:
            get:
              tags: [Other things]
              operationId: listOthers
              responses:
                '200':
                  description: Others.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Other'
        components:
          schemas:
            Drawing:
              allOf:
                - $ref: '#/components/schemas/Named'
                - type: object
                  properties:
                    main:
                      $ref: '#/components/schemas/Shape'
                    layers:
                      type: object
                      additionalProperties:
                        $ref: '#/components/schemas/Layer'
                    tags:
                      type: array
                      items:
                        $ref: '#/components/schemas/Tag'
            Named:
              type: object
              properties:
                name:
                  type: string
            Shape:
              oneOf:
                - $ref: '#/components/schemas/Circle'
                - $ref: '#/components/schemas/Square'
              discriminator:
                propertyName: kind
                mapping:
                  circle: '#/components/schemas/Circle'
                  square: '#/components/schemas/Square'
            Circle:
              type: object
              required: [kind]
              properties:
                kind:
                  type: string
                radius:
                  type: number
            Square:
              type: object
              required: [kind]
              properties:
                kind:
                  type: string
                side:
                  $ref: '#/components/schemas/Length'
            Length:
              type: object
              properties:
                value:
                  type: number
            Layer:
              type: object
              properties:
                color:
                  type: string
                  enum: [red, green]
            Tag:
              type: object
              properties:
                label:
                  type: string
            Other:
              type: object
              properties:
                unrelated:
                  $ref: '#/components/schemas/OnlyOther'
            OnlyOther:
              type: object
              properties:
                x:
                  type: string
        """;

    private static SpecFile File(string? resources) =>
        new("/specs/subset.yaml", Spec, "Subset", "SubsetApi", Resources: resources);

    private static HashSet<string> Hints(GeneratorRun run) => run.Sources.Select(s => s.HintName).ToHashSet();

    [Fact]
    public void A_subset_keeps_the_models_reached_through_properties_items_maps_unions_and_allOf()
    {
        var run = GeneratorHarness.Run(File("Shapes"));
        run.AssertDidNotCrash();
        Assert.Empty(run.Diagnostics);
        SpecCompile.AssertCompiles(run.Output);

        var hints = Hints(run);
        foreach (var kept in new[] { "Drawing", "Shape", "Circle", "Square", "Length", "Layer", "Tag" })
        {
            Assert.Contains($"Subset.Models.{kept}.g.cs", hints);
        }

        Assert.Contains("Subset.ShapesClient.g.cs", hints);
        Assert.DoesNotContain("Subset.OtherThingsClient.g.cs", hints);
        Assert.DoesNotContain("Subset.Models.Other.g.cs", hints);
        Assert.DoesNotContain("Subset.Models.OnlyOther.g.cs", hints);
        Assert.DoesNotContain("OtherThings", run.Source("Subset.SubsetApi.g.cs"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ; ")]
    public void No_list_or_an_empty_one_generates_every_resource(string? resources)
    {
        var full = GeneratorHarness.Run(File(null));
        var run = GeneratorHarness.Run(File(resources));
        Assert.Empty(run.Diagnostics);
        Assert.Equal(Hints(full), Hints(run));
        Assert.Contains("Subset.Models.OnlyOther.g.cs", Hints(run));
    }

    [Fact]
    public void Tags_match_by_resource_name_ignoring_case_and_spaces()
    {
        var run = GeneratorHarness.Run(File("other things"));
        Assert.Empty(run.Diagnostics);
        var hints = Hints(run);
        Assert.Contains("Subset.OtherThingsClient.g.cs", hints);
        Assert.Contains("Subset.Models.OnlyOther.g.cs", hints);
        Assert.DoesNotContain("Subset.ShapesClient.g.cs", hints);
        Assert.DoesNotContain("Subset.Models.Circle.g.cs", hints);
        SpecCompile.AssertCompiles(run.Output);
    }

    [Fact]
    public void An_unknown_tag_is_a_located_warning_naming_the_known_tags()
    {
        var run = GeneratorHarness.Run(File("Shapes;Circles"));
        run.AssertDidNotCrash();
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(("CATCH0013", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.DefaultSeverity));
        Assert.Contains("'Circles'", diagnostic.GetMessage());
        Assert.Contains("Shapes, OtherThings", diagnostic.GetMessage());
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/specs/subset.yaml", span.Path);
        Assert.Equal(6, span.StartLinePosition.Line); // the spec's tags:, zero-based
        Assert.Contains("Subset.ShapesClient.g.cs", Hints(run));
    }

    [Fact]
    public void Jobs_only_on_the_bundled_spec_generates_the_jobs_client_and_what_it_needs_and_compiles()
    {
        var bundled = Scenarios.Get(Scenarios.Bundled).Spec;
        var full = Scenarios.Run(Scenarios.Bundled);
        var run = GeneratorHarness.Run(bundled with { Resources = "Jobs" });
        run.AssertDidNotCrash();
        Assert.Empty(run.Diagnostics);
        SpecCompile.AssertCompiles(run.Output);

        var clients = run.Sources.Select(s => s.HintName).Where(h => h.StartsWith("CatchAll.") && h.EndsWith("Client.g.cs") && !h.StartsWith("CatchAll.Models.")).OrderBy(h => h).ToList();
        Assert.Equal(new[] { "CatchAll.CatchAllClient.g.cs", "CatchAll.JobsClient.g.cs" }, clients);
        var hints = Hints(run);
        Assert.Contains("CatchAll.CatchAllClientJson.g.cs", hints);
        Assert.Contains("CatchAll.Models.SubmitRequest.g.cs", hints);
        Assert.Contains("CatchAll.Models.StatusResponse.g.cs", hints);
        Assert.Contains("CatchAll.Models.PullJobResponse.g.cs", hints);
        Assert.DoesNotContain("CatchAll.Models.CreateWebhookRequest.g.cs", hints);
        Assert.True(hints.IsSubsetOf(Hints(full)));
        Assert.DoesNotContain(run.Sources, s => s.SourceText.ToString().Contains("MonitorsClient"));

        var root = run.Source("CatchAll.CatchAllClient.g.cs");
        Assert.Contains("JobsClient", root);
        Assert.DoesNotContain("MonitorsClient", root);
        var jobs = run.Source("CatchAll.JobsClientExtensions.g.cs");
        Assert.Contains("WaitForCompletionAsync", jobs);
        Assert.Contains("GetJobResultsAllAsync", jobs);

        Assert.True(
            Lines(run) * 2 < Lines(full),
            $"Jobs only: {Lines(run)} lines in {run.Sources.Length} files; everything: {Lines(full)} lines in {full.Sources.Length} files");
    }

    [Fact]
    public void Changing_the_subset_regenerates_and_an_unrelated_edit_stays_cached()
    {
        var bundled = Scenarios.Get(Scenarios.Bundled).Spec with { Resources = "Jobs;Monitors" };
        var first = GeneratorHarness.Run(bundled);
        var edited = first.Input.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer; internal sealed class Unrelated { }", GeneratorHarness.ParseOptions));
        var second = GeneratorHarness.Run(first.Driver, edited);
        foreach (var step in new[] { CatchAllGenerator.SpecInputStep, CatchAllGenerator.ParseStep })
        {
            Assert.All(second.Single.TrackedSteps[step].SelectMany(r => r.Outputs), output =>
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} was {output.Reason}"));
        }

        Assert.Contains("CatchAll.MonitorsClient.g.cs", Hints(second));
        Assert.DoesNotContain("CatchAll.WebhooksClient.g.cs", Hints(second));

        // Only the item metadata changes: the spec input differs, so the parse reruns and Monitors goes.
        var jobsOnly = bundled with { Resources = "Jobs" };
        var options = new TestAnalyzerConfigOptionsProvider(new[] { new KeyValuePair<string, System.Collections.Immutable.ImmutableDictionary<string, string>>(jobsOnly.Path, jobsOnly.Metadata()) });
        var third = GeneratorHarness.Run(second.Driver.WithUpdatedAnalyzerConfigOptions(options), edited);
        Assert.Contains(third.Single.TrackedSteps[CatchAllGenerator.ParseStep].SelectMany(r => r.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.DoesNotContain("CatchAll.MonitorsClient.g.cs", Hints(third));
        Assert.Contains("CatchAll.JobsClient.g.cs", Hints(third));
    }

    internal static int Lines(GeneratorRun run) =>
        run.Sources.Sum(s => s.SourceText.Lines.Count);
}
