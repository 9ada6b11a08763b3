using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using CatchAll.Bench.Generator;
using CatchAll.Bench.Http;
using CatchAll.Bench.Json;

namespace CatchAll.Bench;

/// <summary>
/// Ratios that survive a shared machine: each group's cases run interleaved, round after round, in one
/// process, so a burst of someone else's build slows every side of a round alike; a ratio is the median
/// over rounds of (case time / baseline time) in the same round. BenchmarkDotNet runs each case in its
/// own process at a different moment, so on 2 busy cores its ratios move by tens of percent; these do
/// not. The same benchmark classes' setups and methods are called, nothing is re-implemented.
/// </summary>
public static class Paired
{
    /// <summary>Runs every group (or those whose name contains <paramref name="filter"/>) for <paramref name="rounds"/> rounds.</summary>
    public static async Task<int> RunAsync(int rounds, string? filter)
    {
        Console.WriteLine($"paired run: {rounds} rounds, {Environment.ProcessorCount} cores, load {LoadAverage()}");
        var groups = await GroupsAsync();
        foreach (var group in groups.Where(g => filter is null || g.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)))
        {
            Run(group, rounds);
        }

        Console.WriteLine($"load at the end {LoadAverage()}");
        return 0;
    }

    private static async Task<List<Group>> GroupsAsync()
    {
        var pull = new PullDeserializeBenchmarks();
        pull.Setup();
        var small = new SmallDeserializeBenchmarks();
        small.Setup();
        var submit = new SubmitSerializeBenchmarks();
        submit.Setup();
        var http = new HttpBenchmarks();
        await http.Setup();
        var warm = new GeneratorWarmBenchmarks();
        await warm.Setup();
        var incremental = new GeneratorIncrementalBenchmarks();
        incremental.Setup();
        var typed = new GeneratorIncrementalBenchmarks { WithEnrichments = true };
        typed.Setup();

        return new List<Group>
        {
            new("Deserialize pull, 1,000 records", new Case[] { new("Baseline", pull.Baseline), new("CatchAll", pull.CatchAll), new("CatchAll typed", () => pull.CatchAllTyped()), new("NSwag", pull.NSwag), new("JsonDocument floor", () => pull.JsonDocumentFloor()) }),
            new("Deserialize status", new Case[] { new("Baseline", small.StatusBaseline), new("CatchAll", small.StatusCatchAll), new("NSwag", small.StatusNSwag), new("JsonDocument floor", () => small.StatusJsonDocumentFloor()) }),
            new("Deserialize submit ack", new Case[] { new("Baseline", small.SubmittedBaseline), new("CatchAll", small.SubmittedCatchAll), new("NSwag", small.SubmittedNSwag), new("JsonDocument floor", () => small.SubmittedJsonDocumentFloor()) }),
            new("Serialize large submit", new Case[] { new("Baseline", () => submit.LargeBaseline()), new("Baseline fast path", () => submit.LargeBaselineFastPath()), new("CatchAll", () => submit.LargeCatchAll()), new("NSwag", () => submit.LargeNSwag()) }),
            new("Serialize small submit", new Case[] { new("Baseline", () => submit.SmallBaseline()), new("CatchAll", () => submit.SmallCatchAll()), new("NSwag", () => submit.SmallNSwag()) }),
            new("HTTP GET status", new Case[] { new("Raw", () => http.StatusRaw().GetAwaiter().GetResult()), new("CatchAll", () => http.StatusCatchAll().GetAwaiter().GetResult()), new("NSwag", () => http.StatusNSwag().GetAwaiter().GetResult()) }, AllThreads: true),
            new("HTTP POST submit", new Case[] { new("Raw", () => http.SubmitRaw().GetAwaiter().GetResult()), new("CatchAll", () => http.SubmitCatchAll().GetAwaiter().GetResult()), new("NSwag", () => http.SubmitNSwag().GetAwaiter().GetResult()) }, AllThreads: true),
            new("HTTP GET pull 1,000", new Case[] { new("Raw", () => http.PullRaw().GetAwaiter().GetResult()), new("CatchAll", () => http.PullCatchAll().GetAwaiter().GetResult()), new("NSwag", () => http.PullNSwag().GetAwaiter().GetResult()) }, AllThreads: true),
            new("Generator warm", new Case[] { new("NSwag parse+generate", () => warm.NSwagParseAndGenerate().GetAwaiter().GetResult()), new("NSwag parse", () => warm.NSwagParse().GetAwaiter().GetResult()), new("NSwag generate", warm.NSwagGenerate), new("CatchAll parse+model+emit", warm.CatchAllParseModelEmit) }, AllThreads: true),
            new("Generator after unrelated edit", new Case[] { new("Edit only", incremental.EditOnly), new("Edit + generator run", incremental.EditThenRunGenerator), new("Edit + generator run, typed enrichment set", typed.EditThenRunGenerator), new("Edit + binding the typed set's attributes (floor)", () => typed.EditThenBindEnrichmentType()) }),
        };
    }

    private static void Run(Group group, int rounds)
    {
        var cases = group.Cases;
        foreach (var c in cases)
        {
            WarmUp(c.Op);
        }

        // Tiered JIT compiles hot methods again in the background; let it finish before timing.
        System.Threading.Thread.Sleep(500);
        var batch = cases.Select(c => Calibrate(c.Op)).ToArray();
        var nanos = cases.Select(_ => new List<double>()).ToArray();
        var allocated = new long[cases.Length];
        for (var i = 0; i < cases.Length; i++)
        {
            allocated[i] = Allocated(cases[i].Op, group.AllThreads);
        }

        for (var round = 0; round < rounds; round++)
        {
            // Rotate the order so no case always follows the same neighbour's garbage.
            for (var k = 0; k < cases.Length; k++)
            {
                var i = (k + round) % cases.Length;

                // Each batch starts on a clean heap: its own garbage counts against it, its neighbour's does not.
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var watch = Stopwatch.StartNew();
                for (var n = 0; n < batch[i]; n++)
                {
                    cases[i].Op();
                }

                nanos[i].Add(watch.Elapsed.TotalMilliseconds * 1e6 / batch[i]);
            }
        }

        Console.WriteLine();
        Console.WriteLine($"## {group.Name}");
        Console.WriteLine("| case | median | ratio (median of rounds) | ratio IQR | allocated | alloc ratio |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        for (var i = 0; i < cases.Length; i++)
        {
            var ratios = nanos[i].Zip(nanos[0], (a, b) => a / b).ToList();
            var allocRatio = allocated[0] == 0 ? "n/a" : (allocated[i] / (double)allocated[0]).ToString("F3", CultureInfo.InvariantCulture);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {cases[i].Name} | {Format(Median(nanos[i]))} | {Median(ratios):F3} | {Quantile(ratios, 0.25):F2}-{Quantile(ratios, 0.75):F2} | {allocated[i]:N0} B | {allocRatio} |"));
        }
    }

    private static void WarmUp(Func<object?> op)
    {
        // Enough calls, for long enough, that tiered JIT has promoted the hot paths (30 calls, then a delay).
        var watch = Stopwatch.StartNew();
        var n = 0;
        while (n < 60 || watch.ElapsedMilliseconds < 600)
        {
            op();
            n++;
        }
    }

    private static int Calibrate(Func<object?> op)
    {
        var watch = Stopwatch.StartNew();
        var n = 0;
        while (watch.ElapsedMilliseconds < 40)
        {
            op();
            n++;
        }

        // About 40 ms per case per round: long enough to time, short enough that load shifts hit all cases.
        return Math.Max(1, n);
    }

    private static long Allocated(Func<object?> op, bool allThreads)
    {
        op();
        const int Count = 5;
        long before = allThreads ? GC.GetTotalAllocatedBytes(precise: true) : GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Count; i++)
        {
            op();
        }

        long after = allThreads ? GC.GetTotalAllocatedBytes(precise: true) : GC.GetAllocatedBytesForCurrentThread();
        return (after - before) / Count;
    }

    private static string Format(double nanos) => nanos switch
    {
        >= 1e6 => (nanos / 1e6).ToString("F2", CultureInfo.InvariantCulture) + " ms",
        >= 1e3 => (nanos / 1e3).ToString("F2", CultureInfo.InvariantCulture) + " µs",
        _ => nanos.ToString("F1", CultureInfo.InvariantCulture) + " ns",
    };

    private static double Median(List<double> values) => Quantile(values, 0.5);

    private static double Quantile(List<double> values, double q)
    {
        var sorted = values.OrderBy(v => v).ToList();
        var position = q * (sorted.Count - 1);
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }

    private static string LoadAverage()
    {
        try
        {
            return System.IO.File.ReadAllText("/proc/loadavg").Trim();
        }
        catch (System.IO.IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }

    private sealed record Case(string Name, Func<object?> Op);

    private sealed record Group(string Name, Case[] Cases, bool AllThreads = false);
}
