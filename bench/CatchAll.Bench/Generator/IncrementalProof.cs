using System;
using System.Linq;
using CatchAll.Codegen;
using Microsoft.CodeAnalysis;

namespace CatchAll.Bench.Generator;

/// <summary>Checks with step tracking that an unrelated edit regenerates nothing.</summary>
public static class IncrementalProof
{
    /// <summary>Runs, edits, reruns; throws if any step or source output re-ran, else says what each step did.</summary>
    public static string Describe(string spec, Compilation before, Compilation after)
    {
        var driver = GeneratorHost.Driver(spec, trackSteps: true).RunGenerators(before);
        var result = driver.RunGenerators(after).GetRunResult().Results.Single();
        var steps = new[] { CatchAllGenerator.SpecInputStep, CatchAllGenerator.ParseStep, CatchAllGenerator.RuntimeStep, CatchAllGenerator.ConsumerStep, CatchAllGenerator.EnrichmentTypesStep, CatchAllGenerator.EnrichmentTargetStep }
            .Select(name => (name: name, reasons: result.TrackedSteps.TryGetValue(name, out var runs) ? runs.SelectMany(r => r.Outputs).Select(o => o.Reason).ToArray() : Array.Empty<IncrementalStepRunReason>()))
            .Append((name: "SourceOutput", reasons: result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs).Select(o => o.Reason).ToArray()))
            .ToList();
        var rerun = steps.Where(s => s.reasons.Any(r => r is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))).ToList();
        var text = string.Join(", ", steps.Select(s => s.name + "=" + string.Join("/", s.reasons.Distinct())));
        if (rerun.Count > 0)
        {
            throw new InvalidOperationException("An unrelated edit re-ran generator steps: " + text);
        }

        return text;
    }
}
