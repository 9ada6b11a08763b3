using System.Linq;
using System.Threading;
using CatchAll.Codegen.Emitting;
using CatchAll.Codegen.Model;
using CatchAll.Codegen.Parsing;
using CatchAll.Codegen.Tests.Infrastructure;
using Xunit;

namespace CatchAll.Codegen.Tests;

/// <summary>
/// The one decision both pipelines read: which specs are emitted. It predicts hint names without emitting, so the
/// prediction must be exactly what the emitter then writes.
/// </summary>
public sealed class EmissionPlanTests
{
    [Theory]
    [MemberData(nameof(Scenarios.Names), MemberType = typeof(Scenarios))]
    public void The_predicted_hint_names_are_the_emitted_ones_in_order(string scenario)
    {
        var spec = Scenarios.Get(scenario).Spec;
        var model = Parse(spec).Model!;

        foreach (var webhooks in new[] { false, true })
        {
            Assert.Equal(Emitter.Emit(model, CancellationToken.None, webhooks).Select(f => f.HintName), Emitter.HintNames(model, webhooks));
        }
    }

    [Fact]
    public void The_plan_emits_the_first_spec_by_path_and_skips_a_later_one_that_clashes_by_namespace_or_hint_name()
    {
        var nullable = Parse(Scenarios.Get("Nullable").Spec with { Path = "/a.yaml", Namespace = "Same" });
        var model = nullable.Model!.Types[0].Name;

        // Same namespace; then a namespace one level down whose root client's file is the first spec's model file.
        var sameNamespace = Parse(Scenarios.Get("Patch").Spec with { Path = "/b.yaml", Namespace = "Same" });
        var sameHint = Parse(Scenarios.Get("Unions").Spec with { Path = "/c.yaml", Namespace = "Same.Models", ClientName = model });
        Assert.Contains($"Same.Models.{model}.g.cs", Emitter.HintNames(sameHint.Model!));

        var plan = EmissionPlan.Decide(System.Collections.Immutable.ImmutableArray.Create(sameHint, sameNamespace, nullable), hasRuntime: true, hasWebhooks: false, consumerProblem: null);

        Assert.Equal(new[] { "/a.yaml", "/b.yaml", "/c.yaml" }, plan.Specs.Select(s => s.Result.Path));
        Assert.Equal(new[] { SkipReason.None, SkipReason.NamespaceClash, SkipReason.HintClash }, plan.Specs.Select(s => s.Skip));
        Assert.Equal("/a.yaml", plan.Specs[1].Detail);
        Assert.Equal($"Same.Models.{model}.g.cs", plan.Specs[2].Detail);
        Assert.Equal("/a.yaml", Assert.Single(plan.Emitted).Result.Path);
        Assert.Null(plan.ClientProblem);
        Assert.Equal("CatchAll.Runtime is not referenced", (plan with { HasRuntime = false }).ClientProblem);
    }

    [Fact]
    public void A_spec_whose_files_cannot_be_listed_is_skipped_so_typed_enrichments_never_target_it()
    {
        // An emitter bug in miniature: a model the emitter throws on while listing its files.
        var healthy = Parse(Scenarios.Get(Scenarios.Bundled).Spec with { Path = "/b.yaml" });
        var broken = Parse(Scenarios.Get(Scenarios.Bundled).Spec with { Path = "/a.yaml", Namespace = "Broken" });
        broken = broken with { Model = broken.Model! with { Resources = new EquatableArray<ResourceModel>(System.Collections.Immutable.ImmutableArray.ToImmutableArray(new ResourceModel[] { null! })) } };

        var plan = EmissionPlan.Decide(System.Collections.Immutable.ImmutableArray.Create(broken, healthy), hasRuntime: true, hasWebhooks: false, consumerProblem: null);

        Assert.Equal(new[] { SkipReason.EmitterFailed, SkipReason.None }, plan.Specs.Select(s => s.Skip));
        Assert.StartsWith("NullReferenceException: ", plan.Specs[0].Detail, System.StringComparison.Ordinal);
        Assert.Equal("/b.yaml", Assert.Single(plan.Emitted).Result.Path);
    }

    private static ParseResult Parse(SpecFile spec) =>
        SpecParser.Parse(
            new SpecInput(spec.Path, spec.Text, spec.Namespace is { Length: > 0 } ns ? ns : "CatchAll", spec.ClientName is { Length: > 0 } client ? client : "CatchAllClient", spec.Resources),
            CancellationToken.None);
}
