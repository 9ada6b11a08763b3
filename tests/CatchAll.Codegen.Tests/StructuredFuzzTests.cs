using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CatchAll.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace CatchAll.Codegen.Tests;

/// <summary>
/// The bundled spec, damaged the way real specs differ from it: nodes dropped, duplicated, retyped,
/// renamed and nested, refs broken, odd names and values injected (<see cref="SpecMutator"/>). For every
/// mutant the generator runs in-process and must not throw (no CS8784/CS8785), must not fail internally
/// (CATCH0007), must locate every diagnostic in the spec, and when it reports no error its output must
/// compile with every C# warning as an error.
/// <para>
/// A few hundred mutants run in <c>dotnet test</c>. For a long run set CATCHALL_FUZZ_MUTANTS (for example
/// 10000) and, to keep the figures, CATCHALL_FUZZ_REPORT to a file path; see docs/robustness.md.
/// </para>
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class StructuredFuzzTests
{
    private const int Seed = 14_2026;
    private const int DefaultMutants = 200;

    // Compiling the bundled spec's whole output is seconds of work per mutant, the generator run a few
    // milliseconds: every mutant is generated and checked, and the first of them that generate with no
    // error are compiled, as many as CATCHALL_FUZZ_COMPILE says ("all" for every one).
    private const int DefaultCompiled = 4;

    private readonly ITestOutputHelper _output;

    public StructuredFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Mutants_of_the_bundled_spec_get_located_diagnostics_or_compiling_code()
    {
        var count = Setting("CATCHALL_FUZZ_MUTANTS", DefaultMutants);
        var toCompile = Setting("CATCHALL_FUZZ_COMPILE", DefaultCompiled);
        var mutator = new SpecMutator(File.ReadAllText(RepoPaths.BundledSpec), Seed);

        // Mutants are drawn in order from one seed, so the same count always yields the same set.
        var mutants = Enumerable.Range(0, count).Select(mutator.Next).ToList();
        var compilation = GeneratorHarness.CreateCompilation();
        var failures = new ConcurrentBag<string>();
        var ids = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var mutantsById = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var clean = new ConcurrentBag<int>();
        var refused = 0;
        var escapes = 0;
        var started = DateTime.UtcNow;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };

        Parallel.ForEach(mutants, parallel, mutant =>
        {
            var run = Generate(compilation, mutant, failures, ref escapes);
            if (run is null)
            {
                return;
            }

            foreach (var diagnostic in run.Diagnostics)
            {
                ids.AddOrUpdate(diagnostic.Id, 1, (_, c) => c + 1);
            }

            foreach (var id in run.Diagnostics.Select(d => d.Id).Distinct())
            {
                mutantsById.AddOrUpdate(id, 1, (_, c) => c + 1);
            }

            if (run.Diagnostics.Any(d => d.DefaultSeverity == DiagnosticSeverity.Error))
            {
                System.Threading.Interlocked.Increment(ref refused);
            }
            else
            {
                clean.Add(mutant.Index);
            }
        });

        // The lowest-numbered clean mutants are compiled, so the set does not depend on thread timing.
        var chosen = clean.OrderBy(i => i).Take(toCompile).ToList();
        var compiled = 0;
        Parallel.ForEach(chosen, parallel, index =>
        {
            var mutant = mutants[index];
            var run = Generate(compilation, mutant, failures, ref escapes);
            var errors = run!.Output.GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden).ToList();
            if (errors.Count > 0)
            {
                failures.Add($"#{mutant.Index} {mutant.Description}: no generator error, but the output does not compile:\n    " + string.Join("\n    ", errors.Take(5)));
                return;
            }

            System.Threading.Interlocked.Increment(ref compiled);
        });

        var summary = Summary(count, clean.Count, chosen.Count, compiled, refused, escapes, failures.Count, ids, mutantsById, DateTime.UtcNow - started);
        _output.WriteLine(summary);
        if (Environment.GetEnvironmentVariable("CATCHALL_FUZZ_REPORT") is { Length: > 0 } report)
        {
            File.WriteAllText(report, summary + "\n" + string.Join("\n", failures.OrderBy(f => f, StringComparer.Ordinal)) + "\n");
        }

        Assert.True(failures.IsEmpty, $"{failures.Count} of {count} mutants (seed {Seed}) broke a promise:\n" + string.Join("\n", failures.OrderBy(f => f, StringComparer.Ordinal).Take(15)));

        // The damage must reach both sides: mutants the generator refuses and mutants it still generates for.
        Assert.True(clean.Count > count / 10, summary);
        Assert.True(refused > count / 20, summary);
        Assert.Equal(Math.Min(toCompile, clean.Count), compiled);
    }

    private static int Setting(string name, int fallback) =>
        Environment.GetEnvironmentVariable(name) is { } text
            ? text == "all" ? int.MaxValue : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : fallback
            : fallback;

    private static GeneratorRun? Generate(Compilation compilation, SpecMutator.Mutant mutant, ConcurrentBag<string> failures, ref int escapes)
    {
        GeneratorRun run;
        try
        {
            run = GeneratorHarness.Run((Microsoft.CodeAnalysis.CSharp.CSharpCompilation)compilation, new[] { new SpecFile("/specs/mutant.json", mutant.Text) });
        }
        catch (Exception ex)
        {
            System.Threading.Interlocked.Increment(ref escapes);
            failures.Add($"#{mutant.Index} {mutant.Description}: escaped {ex.GetType().Name}: {ex.Message}");
            return null;
        }

        var problem = Check(run);
        if (problem is null)
        {
            return run;
        }

        if (problem.StartsWith("escaped", StringComparison.Ordinal))
        {
            System.Threading.Interlocked.Increment(ref escapes);
        }

        failures.Add($"#{mutant.Index} {mutant.Description}: {problem}");
        return null;
    }

    private static string? Check(GeneratorRun run)
    {
        if (run.Result.Results.Any(r => r.Exception is not null) || run.DriverDiagnostics.Any(d => d.Id is "CS8784" or "CS8785"))
        {
            return "escaped: " + string.Join(" | ", run.DriverDiagnostics.Select(d => d.ToString()).Concat(run.Result.Results.Select(r => r.Exception?.Message ?? string.Empty)));
        }

        if (run.Diagnostics.FirstOrDefault(d => !d.Id.StartsWith("CATCH", StringComparison.Ordinal) || d.Id == "CATCH0007") is { } bad)
        {
            return "internal failure: " + bad;
        }

        foreach (var diagnostic in run.Diagnostics)
        {
            var span = diagnostic.Location.GetLineSpan();
            if (!span.IsValid || span.Path != "/specs/mutant.json")
            {
                return "not located in the spec: " + diagnostic;
            }
        }

        return null;
    }

    private static string Summary(int count, int clean, int chosen, int compiled, int refused, int escapes, int failures, IDictionary<string, int> ids, IDictionary<string, int> mutantsById, TimeSpan elapsed) =>
        $"seed {Seed}: {count} mutants in {elapsed.TotalSeconds:F0} s on {Environment.ProcessorCount} cores; {clean} generated with no error ({chosen} of them compiled, {compiled} cleanly); "
        + $"{refused} were refused with a located error; {escapes} exceptions escaped; {failures} broke a promise\n"
        + "diagnostics by id (total / mutants with it):\n"
        + string.Join("\n", ids.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"  {p.Key}: {p.Value} / {mutantsById[p.Key]}"));
}
