using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using CatchAll.Bench.NSwagGen;
using Microsoft.CodeAnalysis;
using NSwag;

namespace CatchAll.Bench.Generator;

/// <summary>
/// Generating the bundled spec in a warm process. NSwag parses (its YAML front end) and generates; the
/// CatchAll generator parses, builds its model and emits, as one driver run on a fresh driver.
/// Target: CatchAll ≤ 1/3 of NSwag's parse + generate.
/// </summary>
[MemoryDiagnoser]
public class GeneratorWarmBenchmarks
{
    private string _spec = string.Empty;
    private OpenApiDocument _document = null!;
    private Compilation _compilation = null!;

    /// <summary>Reads the spec and parses it once for the generate-only measurement.</summary>
    [GlobalSetup]
    public async Task Setup()
    {
        _spec = BundledSpec.Text;
        _document = await NSwagPeer.ParseAsync(_spec, BundledSpec.Path);
        _compilation = GeneratorHost.Compilation(framework: false);
        GeneratorHost.Check(GeneratorHost.Driver(_spec).RunGenerators(_compilation).GetRunResult());
    }

    /// <summary>NSwag: YAML to OpenApiDocument.</summary>
    [Benchmark]
    public Task<OpenApiDocument> NSwagParse() => NSwagPeer.ParseAsync(_spec, BundledSpec.Path);

    /// <summary>NSwag: OpenApiDocument to C# (System.Text.Json client).</summary>
    [Benchmark]
    public string NSwagGenerate() => NSwagPeer.Generate(_document);

    /// <summary>NSwag: both, the number the target compares with.</summary>
    [Benchmark(Baseline = true)]
    public async Task<string> NSwagParseAndGenerate() => NSwagPeer.Generate(await NSwagPeer.ParseAsync(_spec, BundledSpec.Path));

    /// <summary>CatchAll: a fresh driver's run, so nothing is cached; parse, model and every emitted file.</summary>
    [Benchmark]
    public GeneratorDriverRunResult CatchAllParseModelEmit() => GeneratorHost.Driver(_spec).RunGenerators(_compilation).GetRunResult();
}
