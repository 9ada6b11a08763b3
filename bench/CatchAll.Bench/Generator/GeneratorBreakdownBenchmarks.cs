using System;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace CatchAll.Bench.Generator;

/// <summary>
/// Where a warm generator run goes, measured from outside (the parser and emitter are internal): the
/// two YAML reads the parser does (a SharpYaml event pass for positions, then Microsoft.OpenApi's YAML
/// reader) and Roslyn parsing the emitted files, beside the whole run. Not a target; for profiling.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBreakdownBenchmarks
{
    private string _spec = string.Empty;
    private Compilation _compilation = null!;
    private string[] _emitted = Array.Empty<string>();

    /// <summary>Generates once to have the emitted texts.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _spec = BundledSpec.Text;
        _compilation = GeneratorHost.Compilation(framework: false);
        _emitted = GeneratorHost.Check(GeneratorHost.Driver(_spec).RunGenerators(_compilation).GetRunResult())
            .Results.SelectMany(r => r.GeneratedSources).Select(s => s.SourceText.ToString()).ToArray();
    }

    /// <summary>The whole run, as in GeneratorWarmBenchmarks.</summary>
    [Benchmark(Baseline = true)]
    public GeneratorDriverRunResult WholeRun() => GeneratorHost.Driver(_spec).RunGenerators(_compilation).GetRunResult();

    /// <summary>SharpYaml's event stream over the spec: the floor of the parser's position pass (YamlLocator).</summary>
    [Benchmark]
    public int YamlEventsOnly()
    {
        var parser = SharpYaml.Parser.CreateParser(new StringReader(_spec));
        var count = 0;
        while (parser.MoveNext())
        {
            count++;
        }

        return count;
    }

    /// <summary>Microsoft.OpenApi reading the YAML into its document model, as the parser calls it.</summary>
    [Benchmark]
    public OpenApiDocument? OpenApiReadOnly()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(_spec));
        return new OpenApiYamlReader().Read(stream, new Uri("file:///catchall-spec.yaml"), new OpenApiReaderSettings()).Document;
    }

    /// <summary>Roslyn parsing the emitted files, which the driver does for every AddSource.</summary>
    [Benchmark]
    public int RoslynParseOfOutput()
    {
        var total = 0;
        foreach (var text in _emitted)
        {
            total += CSharpSyntaxTree.ParseText(text, GeneratorHost.ParseOptions).GetRoot().FullSpan.Length;
        }

        return total;
    }
}
