using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CatchAll.Codegen.Diagnostics;
using CatchAll.Codegen.Emitting;
using CatchAll.Codegen.Model;
using CatchAll.Codegen.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CatchAll.Codegen;

/// <summary>
/// The generator's second pipeline: <c>[CatchAllEnrichments]</c> types, found by attribute name (the compiler's
/// fast path), turned into equatable models, and emitted against the spec's generated client. With no such type
/// it emits only the extension that turns initialize's suggested enrichments into such a type's source.
/// </summary>
internal static class EnrichmentPipeline
{
    private static readonly string[] PreferredNamespaces = { "CatchAll" };

    public static void Register(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<EmissionPlan> plan)
    {
        var types = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                EnrichmentParser.TypeAttribute,
                static (node, _) => EnrichmentParser.IsCandidate(node),
                static (syntax, cancellationToken) => EnrichmentParser.Parse(syntax, cancellationToken))
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(CatchAllGenerator.EnrichmentTypesStep);

        // Only specs the main pipeline emits: typed code against a skipped spec's client could not compile.
        var target = plan
            .Select(static (plan, _) => Choose(plan.Emitted.Select(s => (s.Result.Path, Target: TargetOf(s.Result.Model)))))
            .WithTrackingName(CatchAllGenerator.EnrichmentTargetStep);

        // Without the runtime (or with a project that cannot compile the output) no client is generated, so typed code against it would only add compile errors.
        var consumer = plan.Select(static (plan, _) => plan.ClientProblem);

        // Each body is guarded like the main pipeline's: an exception is CATCH0007, never a generator crash (CS8785).
        context.RegisterSourceOutput(
            types.Combine(target).Combine(consumer),
            static (production, pair) => Guarded(production, $"typed enrichments for '{pair.Left.Left.Name}'", pair.Left.Left.Location, () => ProduceType(production, pair.Left.Left, pair.Left.Right, pair.Right)));

        context.RegisterSourceOutput(
            types.Collect().Combine(target).Combine(consumer),
            static (production, pair) => Guarded(production, "the typed enrichments' extensions", null, () => ProduceExtensions(production, pair.Left.Left, pair.Left.Right, pair.Right)));

        // Independent of [CatchAllEnrichments] types: turning initialize's suggestions into one is how a user starts.
        context.RegisterSourceOutput(
            target.Combine(consumer),
            static (production, pair) => Guarded(production, "the suggested enrichments", null, () => ProduceSuggestions(production, pair.Left, pair.Right)));
    }

    private static void Guarded(SourceProductionContext context, string what, EnrichmentLocation? location, Action produce)
    {
        try
        {
            produce();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.InternalError, location is null ? Location.None : ToLocation(location), $"{what}: {ex.GetType().Name}: {ex.Message}"));
        }
    }

    /// <summary>What a spec's model offers typed enrichments; null without a model.</summary>
    internal static EnrichmentTarget? TargetOf(SpecModel? model)
    {
        if (model is null)
        {
            return null;
        }

        bool HasType(string name, params string[] properties) =>
            model.Types.Any(t => t is ObjectDecl o && o.Name == name && properties.All(p => o.Properties.Any(prop => prop.Name == p)));
        bool HasOperation(string resource, string method) =>
            model.Resources.Any(r => r.Name == resource && r.Operations.Any(o => o.MethodName == method));

        var hasSchema = HasType("EnrichmentSchema", "Name", "Description", "Type") && model.Types.Any(t => t is EnumDecl { Name: "EnrichmentType" });
        var hasRecords = HasType("RecordEnrichment", "EnrichmentConfidence");
        var hasJobs = hasSchema && hasRecords
            && HasType("SubmitRequest", "Enrichments") && HasType("Record", "RecordId", "RecordTitle", "Enrichment") && HasType("PullJobResponse", "AllRecords", "TotalPages")
            && HasOperation("Jobs", "CreateJobAsync") && HasOperation("Jobs", "GetJobResultsAsync");
        var waiter = model.Waiters.FirstOrDefault(w => w.Resource == "Jobs" && w.MethodName == "WaitForCompletionAsync");
        var hasWait = hasJobs && waiter is not null && waiter.Starters.Any(s => s.HelperName == "SubmitAndWaitAsync");
        var hasPartial = hasJobs && waiter is not null && waiter.PartialMethod == "GetJobResultsAsync"
            && model.Pagers.Any(p => p.Resource == "Jobs" && p.OperationMethod == "GetJobResultsAsync");
        var hasMonitors = hasSchema && hasRecords
            && HasType("MonitorRecord", "RecordId", "RecordTitle", "Enrichment") && HasType("PullMonitorResponse", "AllRecords")
            && HasOperation("Monitors", "PullMonitorResultsAsync");
        return new EnrichmentTarget(
            model.Namespace,
            model.ClientName,
            hasSchema,
            HasType("CompanyEnrichmentOutput", "SourceText", "Confidence", "Metadata"),
            hasJobs,
            hasWait,
            hasPartial,
            hasMonitors,
            hasSchema && HasType("InitializeResponse", "Enrichments"));
    }

    /// <summary>The spec the typed code is generated against: in namespace CatchAll if there is one, else the first (by path) that has the enrichment schema.</summary>
    private static EnrichmentTarget? Choose(IEnumerable<(string Path, EnrichmentTarget? Target)> targets)
    {
        var usable = targets.Where(t => t.Target is not null).OrderBy(t => t.Path, StringComparer.Ordinal).Select(t => t.Target!).ToList();
        return usable.FirstOrDefault(t => t.HasSchema && PreferredNamespaces.Contains(t.Namespace))
            ?? usable.FirstOrDefault(t => t.HasSchema)
            ?? usable.FirstOrDefault();
    }

    private static void ProduceType(SourceProductionContext context, EnrichmentTypeModel type, EnrichmentTarget? target, string? consumerProblem)
    {
        foreach (var diagnostic in type.Diagnostics)
        {
            context.ReportDiagnostic(ToDiagnostic(diagnostic));
        }

        if (consumerProblem is not null || !type.Valid)
        {
            return;
        }

        if (Unavailable(type, target) is { } why)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.EnrichmentsUnavailable, ToLocation(type.Location), why));
            return;
        }

        context.AddSource(EnrichmentEmitter.HintName(type), SourceText.From(EnrichmentEmitter.EmitType(type, target!), System.Text.Encoding.UTF8));
    }

    private static void ProduceExtensions(SourceProductionContext context, ImmutableArray<EnrichmentTypeModel> types, EnrichmentTarget? target, string? consumerProblem)
    {
        if (consumerProblem is not null || target is null)
        {
            return;
        }

        var emitted = types.Where(t => t.Valid && Unavailable(t, target) is null).OrderBy(t => t.FullName, StringComparer.Ordinal).ToImmutableArray();
        if (emitted.IsEmpty)
        {
            return;
        }

        context.AddSource(
            EnrichmentEmitter.ExtensionsHintName(target),
            SourceText.From(EnrichmentEmitter.EmitExtensions(new EquatableArray<EnrichmentTypeModel>(emitted), target), System.Text.Encoding.UTF8));
    }

    private static void ProduceSuggestions(SourceProductionContext context, EnrichmentTarget? target, string? consumerProblem)
    {
        if (consumerProblem is null && target is { HasSuggestions: true })
        {
            context.AddSource(EnrichmentEmitter.SuggestionsHintName(target), SourceText.From(EnrichmentEmitter.EmitSuggestions(target), System.Text.Encoding.UTF8));
        }
    }

    private static string? Unavailable(EnrichmentTypeModel type, EnrichmentTarget? target)
    {
        if (target is null)
        {
            return $"'{type.Name}' is a [CatchAllEnrichments] type, but this project generates no CatchAll client (no CatchAllSpec); declare it in the project that does";
        }

        if (!target.HasSchema)
        {
            return $"'{type.Name}' needs the EnrichmentSchema and EnrichmentType models, which the spec generating namespace '{target.Namespace}' does not declare";
        }

        if (!target.HasCompany && type.Properties.Any(p => p.Kind == EnrichmentValueKind.Company))
        {
            return $"'{type.Name}' has a company enrichment, but the spec generating namespace '{target.Namespace}' declares no CompanyEnrichmentOutput";
        }

        return null;
    }

    private static Diagnostic ToDiagnostic(EnrichmentDiagnostic diagnostic)
    {
        var descriptor = DiagnosticCatalog.Find(diagnostic.Id) ?? DiagnosticCatalog.InternalError;
        return Diagnostic.Create(descriptor, ToLocation(diagnostic.Location), diagnostic.Message);
    }

    private static Location ToLocation(EnrichmentLocation location) =>
        location.FilePath.Length == 0 ? Location.None : Location.Create(location.FilePath, location.Span, location.LineSpan);
}
