using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.Codegen.Tests.Infrastructure;
using Xunit;

namespace CatchAll.Codegen.Tests;

/// <summary>
/// Half-edited specs are the normal state of a file in an editor. Whatever the damage, the
/// generator answers with CATCH diagnostics and never throws.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class FuzzTests
{
    private const int Seed = 20_240_611;
    private const int Mutations = 200;

    // Both tests read one set of runs: the generator is the slow part, not the assertions.
    private static readonly Lazy<IReadOnlyList<Outcome>> Outcomes = new(RunAll);

    [Fact]
    public void Random_damage_to_the_bundled_spec_never_makes_the_generator_throw()
    {
        var outcomes = Outcomes.Value;

        var thrown = outcomes.Where(o => o.Thrown is not null).ToList();
        Assert.True(thrown.Count == 0, $"{thrown.Count} of {Mutations} mutations (seed {Seed}) made the generator throw:\n"
            + string.Join("\n", thrown.Take(10).Select(o => $"#{o.Mutation.Index} {o.Mutation.Description}: {o.Thrown}")));

        // The damage is real: most mutations must break the spec, or the test proves little.
        var withDiagnostics = outcomes.Count(o => o.DiagnosticIds.Length > 0);
        Assert.True(withDiagnostics > Mutations / 2, $"only {withDiagnostics} of {Mutations} mutations raised a diagnostic");
    }

    [Fact]
    public void Random_damage_to_the_bundled_spec_is_reported_as_a_spec_problem_not_an_internal_failure()
    {
        var failed = Outcomes.Value.Where(o => o.DiagnosticIds.Contains("CATCH0007")).ToList();

        Assert.True(failed.Count == 0, $"{failed.Count} of {Mutations} mutations (seed {Seed}) ended in CATCH0007:\n"
            + string.Join("\n", failed.Take(10).Select(o => $"#{o.Mutation.Index} {o.Mutation.Description}: {o.Messages}")));
    }

    private sealed record Mutation(int Index, string Description, string Text);

    private sealed record Outcome(Mutation Mutation, string? Thrown, string[] DiagnosticIds, string Messages);

    private static IReadOnlyList<Outcome> RunAll()
    {
        var original = Scenarios.Get(Scenarios.Bundled).Spec;

        // Mutations come from one seeded sequence, so a failure names a case that reproduces.
        var random = new Random(Seed);
        var cases = Enumerable.Range(0, Mutations).Select(i => Mutate(original.Text, random, i)).ToList();
        Assert.All(cases, c => Assert.NotEqual(original.Text, c.Text));

        var compilation = GeneratorHarness.CreateCompilation();
        var outcomes = new ConcurrentBag<Outcome>();
        Parallel.ForEach(cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, mutation =>
        {
            GeneratorRun? run = null;
            string? thrown = null;
            try
            {
                run = GeneratorHarness.Run(compilation, new[] { original with { Text = mutation.Text } });
                run.AssertDidNotThrow();
            }
            catch (Exception ex)
            {
                thrown = ex.GetType().Name + ": " + ex.Message;
            }

            var diagnostics = run?.Diagnostics ?? default;
            outcomes.Add(new Outcome(
                mutation,
                thrown,
                diagnostics.IsDefault ? Array.Empty<string>() : diagnostics.Select(d => d.Id).ToArray(),
                diagnostics.IsDefault ? string.Empty : string.Join(" | ", diagnostics.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)))));
        });

        return outcomes.OrderBy(o => o.Mutation.Index).ToList();
    }

    private static Mutation Mutate(string text, Random random, int index)
    {
        var lines = text.Split('\n').ToList();
        switch (random.Next(4))
        {
            case 0:
                {
                    var offset = random.Next(1, text.Length);
                    return new Mutation(index, $"truncate at offset {offset}", text.Substring(0, offset));
                }

            case 1:
                {
                    var count = random.Next(1, 6);
                    var removed = new List<int>();
                    for (var i = 0; i < count; i++)
                    {
                        var line = random.Next(lines.Count);
                        removed.Add(line + 1);
                        lines.RemoveAt(line);
                    }

                    return new Mutation(index, $"delete lines {string.Join(",", removed)} (numbered as they stood when removed)", string.Join("\n", lines));
                }

            case 2:
                {
                    var swaps = new List<string>();
                    for (var i = 0; i < random.Next(1, 4); i++)
                    {
                        var a = random.Next(lines.Count);
                        var indentA = Indent(lines[a]);
                        int b;
                        string indentB;
                        var tries = 0;
                        do
                        {
                            b = random.Next(lines.Count);
                            indentB = Indent(lines[b]);
                        }
                        while (indentA == indentB && ++tries < 100);

                        lines[a] = indentB + lines[a].Substring(indentA.Length);
                        lines[b] = indentA + lines[b].Substring(indentB.Length);
                        swaps.Add($"{a + 1}<->{b + 1}");
                    }

                    return new Mutation(index, $"swap indentation of lines {string.Join(",", swaps)}", string.Join("\n", lines));
                }

            default:
                {
                    var line = random.Next(lines.Count);
                    var shift = random.Next(2) == 0 ? -random.Next(1, 4) : random.Next(1, 4);
                    var indent = Indent(lines[line]);
                    if (indent.Length + shift < 0)
                    {
                        shift = -shift;
                    }

                    lines[line] = new string(' ', indent.Length + shift) + lines[line].Substring(indent.Length);
                    return new Mutation(index, $"shift line {line + 1} by {shift}", string.Join("\n", lines));
                }
        }
    }

    private static string Indent(string line) => line.Substring(0, line.Length - line.TrimStart(' ', '\t').Length);
}

/// <summary>
/// The fuzz run keeps both cores busy on its own; beside the other classes it thrashed (a full
/// run took twice the sum of its parts), so it runs alone, after them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzCollection
{
    public const string Name = "Fuzz";
}
