using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CatchAll.Codegen.Emitting;
using CatchAll.Codegen.Model;

namespace CatchAll.Codegen;

/// <summary>Why a spec that was read is not emitted; <see cref="None"/> when it is.</summary>
internal enum SkipReason
{
    None,

    /// <summary>The spec could not be read; its own diagnostics say why.</summary>
    NoModel,

    /// <summary>The project's C# version or framework cannot compile the output (CATCH0012).</summary>
    UnsupportedConsumer,

    /// <summary>CatchAll.Runtime is not referenced (CATCH0011).</summary>
    MissingRuntime,

    /// <summary>A spec earlier by path generates into the same namespace (CATCH0008).</summary>
    NamespaceClash,

    /// <summary>A spec earlier by path already generates a file of one of its hint names (CATCH0004).</summary>
    HintClash,

    /// <summary>The emitter threw while listing the spec's files (CATCH0007); Detail is the exception.</summary>
    EmitterFailed,
}

/// <summary>One spec's parse and whether it is emitted. Detail: the earlier spec's path, the clashing hint name, or the emitter's exception.</summary>
internal sealed record SpecPlan(ParseResult Result, SkipReason Skip, string? Detail = null)
{
    public bool Emitted => Skip == SkipReason.None;
}

/// <summary>
/// Which specs the generator emits, decided once, after every reason to skip one (the project cannot compile the
/// output, CatchAll.Runtime is missing, two specs share a namespace or a hint name). Both pipelines read it: the main
/// one emits exactly the specs it says, and typed enrichments are generated only against one of those, so a skipped
/// spec never gets typed code that refers to a client that does not exist. Specs are in path order.
/// </summary>
internal sealed record EmissionPlan(EquatableArray<SpecPlan> Specs, string? ConsumerProblem, bool HasRuntime, bool HasWebhooks)
{
    /// <summary>Why no client can be generated in this project at all; null when one can.</summary>
    public string? ClientProblem => ConsumerProblem ?? (HasRuntime ? null : "CatchAll.Runtime is not referenced");

    public IEnumerable<SpecPlan> Emitted => Specs.Where(s => s.Emitted);

    public static EmissionPlan Decide(ImmutableArray<ParseResult> results, bool hasRuntime, bool hasWebhooks, string? consumerProblem)
    {
        var unsupported = consumerProblem is not null && results.Any(r => r.Model is not null);
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        // Names differing only in case count: file systems fold case.
        var hints = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var plans = new List<SpecPlan>(results.Length);
        foreach (var result in results.OrderBy(r => r.Path, StringComparer.Ordinal))
        {
            plans.Add(Decide(result, hasRuntime, hasWebhooks, unsupported, owners, hints));
        }

        return new EmissionPlan(plans.ToEquatableArray(), consumerProblem, hasRuntime, hasWebhooks);
    }

    private static SpecPlan Decide(ParseResult result, bool hasRuntime, bool hasWebhooks, bool unsupported, Dictionary<string, string> owners, HashSet<string> hints)
    {
        if (result.Model is not { } model)
        {
            return new SpecPlan(result, SkipReason.NoModel);
        }

        if (unsupported)
        {
            return new SpecPlan(result, SkipReason.UnsupportedConsumer);
        }

        if (owners.TryGetValue(model.Namespace, out var owner))
        {
            return new SpecPlan(result, SkipReason.NamespaceClash, owner);
        }

        owners[model.Namespace] = result.Path;
        if (!hasRuntime)
        {
            return new SpecPlan(result, SkipReason.MissingRuntime);
        }

        IReadOnlyList<string> names;
        try
        {
            names = Emitter.HintNames(model, hasWebhooks);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Skipped, so typed enrichments never target a client that is not generated. Edge: Emit can still throw
            // after a prediction that succeeded (a bug only in writing a file); that spec counts as emitted, reports
            // CATCH0007 from ProduceAll, and keeps its predicted names reserved. Knowing it here would mean emitting twice.
            return new SpecPlan(result, SkipReason.EmitterFailed, ex.GetType().Name + ": " + ex.Message);
        }

        if (names.FirstOrDefault(hints.Contains) is { } clash)
        {
            return new SpecPlan(result, SkipReason.HintClash, clash);
        }

        hints.UnionWith(names);
        return new SpecPlan(result, SkipReason.None);
    }
}
