using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using CatchAll.Bench.Generator;

namespace CatchAll.Bench;

/// <summary>
/// First generation in fresh processes, interleaved: every round starts one process per case, in rotating
/// order, and each process times its single first call. A ratio is the median over rounds of
/// (case / NSwag) in the same round, so load that comes and goes hits both sides. GeneratorColdBenchmarks
/// measures the same calls under BenchmarkDotNet, one case after the other.
/// </summary>
public static class ColdPaired
{
    private static readonly string[] Cases = { "nswag", "catchall-fresh", "catchall-warm-compiler", "openapi-read" };

    /// <summary>`cold [rounds]`: the orchestrating side.</summary>
    public static int Run(int rounds)
    {
        Console.WriteLine($"cold run: {rounds} rounds of {Cases.Length} fresh processes, load {System.IO.File.ReadAllText("/proc/loadavg").Trim()}");
        var times = Cases.ToDictionary(c => c, _ => new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < Cases.Length; k++)
            {
                var name = Cases[(k + round) % Cases.Length];
                times[name].Add(Launch(name));
            }
        }

        Console.WriteLine("| case | median | min | ratio to NSwag (median of rounds) | ratio IQR |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var name in Cases)
        {
            var ratios = times[name].Zip(times["nswag"], (a, b) => a / b).OrderBy(r => r).ToList();
            var sorted = times[name].OrderBy(t => t).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {Median(sorted):F0} ms | {sorted[0]:F0} ms | {Median(ratios):F3} | {Quantile(ratios, 0.25):F2}-{Quantile(ratios, 0.75):F2} |"));
        }

        Console.WriteLine($"load at the end {System.IO.File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    /// <summary>`cold-once CASE`: the measured side; prints the first call's milliseconds.</summary>
    public static async Task<int> OnceAsync(string name)
    {
        var spec = BundledSpec.Text;
        Microsoft.CodeAnalysis.Compilation? compilation = null;
        if (name == "catchall-warm-compiler")
        {
            compilation = GeneratorHost.Compilation(framework: false);
            WarmCompiler.Warm(compilation, spec);
        }

        var bench = new GeneratorColdBenchmarks();
        var watch = Stopwatch.StartNew();
        switch (name)
        {
            case "nswag":
                await NSwagGen.NSwagPeer.ParseAsync(spec, BundledSpec.Path).ContinueWith(t => NSwagGen.NSwagPeer.Generate(t.Result), TaskScheduler.Default);
                break;
            case "catchall-fresh":
                GeneratorHost.Check(GeneratorHost.Driver(spec).RunGenerators(GeneratorHost.Compilation(framework: false)).GetRunResult());
                break;
            case "catchall-warm-compiler":
                GeneratorHost.Check(GeneratorHost.Driver(spec).RunGenerators(compilation!).GetRunResult());
                break;
            case "openapi-read":
                bench.Setup();
                watch.Restart();
                _ = bench.OpenApiReadOnly();
                break;
            default:
                Console.Error.WriteLine("unknown case " + name);
                return 2;
        }

        Console.WriteLine(watch.Elapsed.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture));
        return 0;
    }

    private static double Launch(string name)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Environment.ProcessPath!.EndsWith("dotnet", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(typeof(ColdPaired).Assembly.Location);
        }

        start.ArgumentList.Add("cold-once");
        start.ArgumentList.Add(name);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"cold-once {name} failed ({process.ExitCode}): {output}");
        }

        return double.Parse(output.Trim().Split('\n').Last(), CultureInfo.InvariantCulture);
    }

    private static double Median(List<double> sorted) => Quantile(sorted, 0.5);

    private static double Quantile(List<double> sorted, double q)
    {
        var position = q * (sorted.Count - 1);
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }
}
