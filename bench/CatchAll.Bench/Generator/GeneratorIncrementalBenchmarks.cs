using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CatchAll.Bench.Generator;

/// <summary>
/// After an unrelated C# edit: the driver that already generated the client runs again on the edited
/// compilation. Target: nothing regenerates (checked in setup, the run fails otherwise) and the run
/// costs under 1 ms more than making the edited compilation alone.
/// </summary>
[MemoryDiagnoser]
public class GeneratorIncrementalBenchmarks
{
    private const string Unrelated = "namespace Consumer { internal sealed class Unrelated { public int Value { get; set; } = {0}; } }";

    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _driver = null!;
    private SyntaxTree _unrelated = null!;
    private SyntaxTree[] _edits = Array.Empty<SyntaxTree>();
    private int _next;

    /// <summary>A consumer over the whole framework, the client generated once, and proof an edit reuses it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _compilation = GeneratorHost.Compilation(
            framework: true,
            "namespace Consumer { public static class Program { public static void Main() { using var client = new global::CatchAll.CatchAllClient(new global::CatchAll.CatchAllClientOptions { ApiKey = \"k\" }); } } }",
            Unrelated.Replace("{0}", "0", StringComparison.Ordinal));
        _unrelated = _compilation.SyntaxTrees.Last();
        _edits = new[] { 1, 2 }.Select(i => CSharpSyntaxTree.ParseText(Unrelated.Replace("{0}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), GeneratorHost.ParseOptions, path: _unrelated.FilePath)).ToArray();

        var spec = BundledSpec.Text;
        _driver = GeneratorHost.Driver(spec).RunGenerators(_compilation);
        GeneratorHost.Check(_driver.GetRunResult());
        Console.WriteLine("// incremental: " + IncrementalProof.Describe(spec, _compilation, _compilation.ReplaceSyntaxTree(_unrelated, _edits[0])));
    }

    /// <summary>The edit alone: a new compilation with one tree replaced.</summary>
    [Benchmark(Baseline = true)]
    public Compilation EditOnly() => Edit();

    /// <summary>The edit, then the generator driver on it.</summary>
    [Benchmark]
    public GeneratorDriver EditThenRunGenerator() => _driver.RunGenerators(Edit());

    private Compilation Edit() => _compilation.ReplaceSyntaxTree(_unrelated, _edits[_next++ & 1]);
}
