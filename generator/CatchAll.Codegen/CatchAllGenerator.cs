using System;
using System.Linq;
using CatchAll.Codegen.Diagnostics;
using CatchAll.Codegen.Emitting;
using CatchAll.Codegen.Model;
using CatchAll.Codegen.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CatchAll.Codegen;

/// <summary>
/// Reads each CatchAllSpec AdditionalFile and emits the typed client for it. Steps are
/// named so tests can check that an unrelated C# edit leaves every one of them cached.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class CatchAllGenerator : IIncrementalGenerator
{
    /// <summary>Tracking name of the step that reads spec files and their metadata.</summary>
    public const string SpecInputStep = "CatchAllSpecInput";

    /// <summary>Tracking name of the step that parses a spec into the model.</summary>
    public const string ParseStep = "CatchAllParse";

    /// <summary>Tracking name of the step that checks the compilation references CatchAll.Runtime.</summary>
    public const string RuntimeStep = "CatchAllRuntimeReference";

    /// <summary>Tracking name of the step that checks whether the compilation references CatchAll.AspNetCore.</summary>
    public const string WebhooksStep = "CatchAllWebhooksReference";

    /// <summary>Tracking name of the step that checks the project's C# version and framework can compile the output.</summary>
    public const string ConsumerStep = "CatchAllConsumerSupport";

    /// <summary>Tracking name of the step that decides which specs are emitted (the value both pipelines read).</summary>
    public const string EmissionPlanStep = "CatchAllEmissionPlan";

    /// <summary>Tracking name of the step that reads each [CatchAllEnrichments] type into its model.</summary>
    public const string EnrichmentTypesStep = "CatchAllEnrichmentTypes";

    /// <summary>Tracking name of the step that picks the spec typed enrichments are generated against.</summary>
    public const string EnrichmentTargetStep = "CatchAllEnrichmentTarget";

    private const string MetadataPrefix = "build_metadata.AdditionalFiles.";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var inputs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) =>
            {
                var options = pair.Right.GetOptions(pair.Left);
                if (!options.TryGetValue(MetadataPrefix + "CatchAllSpec", out var flag)
                    || !string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }

                options.TryGetValue(MetadataPrefix + "CatchAllNamespace", out var ns);
                options.TryGetValue(MetadataPrefix + "CatchAllClientName", out var client);
                options.TryGetValue(MetadataPrefix + "CatchAllResources", out var resources);
                var text = pair.Left.GetText(cancellationToken)?.ToString() ?? string.Empty;
                return new SpecInput(
                    pair.Left.Path,
                    text,
                    string.IsNullOrWhiteSpace(ns) ? "CatchAll" : ns!.Trim(),
                    string.IsNullOrWhiteSpace(client) ? "CatchAllClient" : client!.Trim(),
                    string.IsNullOrWhiteSpace(resources) ? null : resources!.Trim());
            })
            .Where(static input => input is not null)
            .Select(static (input, _) => input!)
            .WithTrackingName(SpecInputStep);

        var parsed = inputs
            .Select(static (input, cancellationToken) => SpecParser.Parse(input, cancellationToken))
            .WithTrackingName(ParseStep);

        // References, not the compilation: a C# edit leaves them alone, so this step stays cached
        // and costs nothing while the user types.
        var hasRuntime = context.MetadataReferencesProvider
            .Select(static (reference, _) => IsRuntime(reference.Display))
            .Collect()
            .Select(static (flags, _) => flags.Contains(true))
            .WithTrackingName(RuntimeStep);

        // Same for the webhook receiver package: with it, typed accessors for its events are emitted too.
        var hasWebhooks = context.MetadataReferencesProvider
            .Select(static (reference, _) => IsWebhooksPackage(reference.Display))
            .Collect()
            .Select(static (flags, _) => flags.Contains(true))
            .WithTrackingName(WebhooksStep);

        // The compilation changes on every edit, but the answer (a string or null) does not, so what follows
        // stays cached. With a .NET 8+ core library among the references (read once, from metadata) it only
        // reads the language version; symbols are looked up only for older frameworks, where polyfills count.
        var modernCoreLibrary = context.MetadataReferencesProvider
            .Select(static (reference, _) => ConsumerSupport.IsModernCoreLibrary(reference))
            .Collect()
            .Select(static (flags, _) => flags.Contains(true));
        var consumer = context.CompilationProvider
            .Combine(modernCoreLibrary)
            .Select(static (pair, _) => ConsumerSupport.Problem(pair.Left, pair.Right))
            .WithTrackingName(ConsumerStep);

        // All specs meet in one decision: two specs generating into one namespace would otherwise add the same hint
        // names from separate callbacks, and the driver throws when it merges them. The typed-enrichment pipeline reads
        // the same decision, so it never generates against a spec whose client is skipped.
        var plan = parsed.Collect()
            .Combine(hasRuntime)
            .Combine(hasWebhooks)
            .Combine(consumer)
            .Select(static (pair, _) => EmissionPlan.Decide(pair.Left.Left.Left, pair.Left.Left.Right, pair.Left.Right, pair.Right))
            .WithTrackingName(EmissionPlanStep);
        context.RegisterSourceOutput(plan, static (production, plan) => ProduceAll(production, plan));

        // [CatchAllEnrichments] types: their own pipeline, emitted against a spec the plan emits.
        EnrichmentPipeline.Register(context, plan);
    }

    private static void ProduceAll(SourceProductionContext context, EmissionPlan plan)
    {
        if (plan.Specs.Any(s => s.Skip == SkipReason.UnsupportedConsumer))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.UnsupportedConsumer, Location.None, plan.ConsumerProblem));

            // Each spec's own diagnostics in path order, like everywhere else the plan decides (before the plan, in
            // the order the specs were collected): deterministic whatever order MSBuild lists the items in.
            foreach (var diagnostic in plan.Specs.SelectMany(s => s.Result.Diagnostics))
            {
                context.ReportDiagnostic(ToDiagnostic(diagnostic));
            }

            return;
        }

        foreach (var spec in plan.Specs)
        {
            if (spec.Skip == SkipReason.NamespaceClash)
            {
                var location = Location.Create(spec.Result.Path, default, new LinePositionSpan(default, default));
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticCatalog.InvalidMetadata,
                    location,
                    $"'{System.IO.Path.GetFileName(spec.Detail)}' and '{System.IO.Path.GetFileName(spec.Result.Path)}' both generate into namespace '{spec.Result.Model!.Namespace}'; give each CatchAllSpec its own Namespace"));
                foreach (var diagnostic in spec.Result.Diagnostics)
                {
                    context.ReportDiagnostic(ToDiagnostic(diagnostic));
                }

                continue;
            }

            Produce(context, spec, plan.HasWebhooks);
        }
    }

    private static bool IsRuntime(string? display)
    {
        var name = ConsumerSupport.FileName(display);
        return string.Equals(name, "CatchAll.Runtime.dll", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "CatchAll.Runtime", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsWebhooksPackage(string? display)
    {
        var name = ConsumerSupport.FileName(display);
        return string.Equals(name, "CatchAll.AspNetCore.dll", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "CatchAll.AspNetCore", StringComparison.OrdinalIgnoreCase);
    }

    private static void Produce(SourceProductionContext context, SpecPlan spec, bool hasWebhooks)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        var result = spec.Result;
        foreach (var diagnostic in result.Diagnostics)
        {
            context.ReportDiagnostic(ToDiagnostic(diagnostic));
        }

        if (result.Model is null)
        {
            return;
        }

        if (spec.Skip == SkipReason.MissingRuntime)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.MissingRuntime, Location.None));
            return;
        }

        if (spec.Skip == SkipReason.HintClash)
        {
            // Another spec already produces a file of this name; adding it would make the driver throw.
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticCatalog.NameCollision,
                Location.Create(result.Path, default, new LinePositionSpan(default, default)),
                $"'{spec.Detail}' is generated by another spec too; give this CatchAllSpec a different Namespace"));
            return;
        }

        if (spec.Skip == SkipReason.EmitterFailed)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.InternalError, Location.None, $"spec '{System.IO.Path.GetFileName(result.Path)}', nothing was generated for it: {spec.Detail}"));
            return;
        }

        try
        {
            foreach (var file in Emitter.Emit(result.Model, context.CancellationToken, webhookAccessors: hasWebhooks))
            {
                context.AddSource(file.HintName, SourceText.From(file.Text, System.Text.Encoding.UTF8));
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.InternalError, Location.None, $"spec '{System.IO.Path.GetFileName(result.Path)}': {ex.GetType().Name}: {ex.Message}"));
        }
    }

    private static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        var descriptor = DiagnosticCatalog.Find(info.Id) ?? DiagnosticCatalog.InternalError;
        var position = new LinePosition(Math.Max(0, info.Line - 1), Math.Max(0, info.Column - 1));
        var location = Location.Create(info.FilePath, default, new LinePositionSpan(position, position));
        return Diagnostic.Create(descriptor, location, info.Message);
    }
}
