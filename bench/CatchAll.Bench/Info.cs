using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using CatchAll.Bench.Generator;
using CatchAll.Bench.NSwagGen;
using CatchAll.Bench.Payloads;

namespace CatchAll.Bench;

/// <summary>The facts beside the timings: output sizes, payload sizes, what an unrelated edit reruns.</summary>
public static class Info
{
    /// <summary>Prints them; exits non-zero if a check fails.</summary>
    public static async Task<int> RunAsync()
    {
        var spec = BundledSpec.Text;
        var nswag = NSwagPeer.Generate(await NSwagPeer.ParseAsync(spec, BundledSpec.Path));
        var compilation = GeneratorHost.Compilation(framework: false);
        var ours = GeneratorHost.Check(GeneratorHost.Driver(spec).RunGenerators(compilation).GetRunResult());
        Console.WriteLine($"spec: {spec.Split('\n').Length} lines");
        Console.WriteLine($"NSwag output: {nswag.Split('\n').Length} lines, {nswag.Length} chars, 1 file");
        Console.WriteLine($"CatchAll output: {GeneratorHost.CountLines(ours)} lines, {ours.Results.Sum(r => r.GeneratedSources.Sum(s => s.SourceText.Length))} chars, {ours.GeneratedTrees.Length} files");
        Console.WriteLine($"pull body (1,000 records): {PayloadFactory.PullBody().Length.ToString("N0", CultureInfo.InvariantCulture)} bytes");
        Console.WriteLine($"status body: {PayloadFactory.StatusBody().Length} bytes; submit ack: {PayloadFactory.SubmitResponseBody().Length} bytes");
        Console.WriteLine($"submit body: large {PayloadFactory.SubmitBody(true).Length.ToString("N0", CultureInfo.InvariantCulture)} bytes, small {PayloadFactory.SubmitBody(false).Length} bytes");
        Json.JsonSetup.CheckPull(PayloadFactory.PullBody());
        Json.JsonSetup.CheckStatus(PayloadFactory.StatusBody());
        Console.WriteLine("payload checks: all three readers agree");

        var consumer = GeneratorHost.Compilation(framework: true, "namespace Consumer { internal sealed class A { } }", "namespace Consumer { internal sealed class B { } }");
        var edited = consumer.ReplaceSyntaxTree(consumer.SyntaxTrees.Last(), Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("namespace Consumer { internal sealed class B { int x; } }", GeneratorHost.ParseOptions, path: consumer.SyntaxTrees.Last().FilePath));
        Console.WriteLine("unrelated edit: " + IncrementalProof.Describe(spec, consumer, edited));

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 5; i++)
        {
            GeneratorHost.Driver(spec).RunGenerators(compilation);
        }

        Console.WriteLine($"(rough) CatchAll warm run: {watch.Elapsed.TotalMilliseconds / 5:F1} ms");
        return 0;
    }
}
