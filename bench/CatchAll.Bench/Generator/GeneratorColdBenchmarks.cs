using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using CatchAll.Bench.NSwagGen;
using Microsoft.CodeAnalysis;

namespace CatchAll.Bench.Generator;

/// <summary>
/// The first generation in a fresh process (one process per measurement, one invocation each): assembly
/// loading and JIT included. Target: CatchAll ≤ 1/2 of NSwag.
/// <see cref="CatchAllInFreshProcess"/> also pays for Roslyn's own first driver run (NuGet's Roslyn is not
/// ReadyToRun, the SDK's is); <see cref="CatchAllInWarmCompiler"/> has Roslyn warmed by an unrelated
/// generator first, which is where a build meets the generator.
/// </summary>
[Config(typeof(ColdStartConfig))]
public class GeneratorColdBenchmarks
{
    private string _spec = string.Empty;
    private Compilation? _compilation;

    /// <summary>Only reads the spec text: no NSwag or Roslyn code runs before the measurement.</summary>
    [GlobalSetup(Targets = new[] { nameof(NSwagParseAndGenerate), nameof(CatchAllInFreshProcess), nameof(OpenApiReadOnly) })]
    public void Setup() => _spec = BundledSpec.Text;

    /// <summary>Reads the spec and warms Roslyn's driver with a stand-in generator.</summary>
    [GlobalSetup(Target = nameof(CatchAllInWarmCompiler))]
    public void SetupWarmCompiler()
    {
        _spec = BundledSpec.Text;
        _compilation = GeneratorHost.Compilation(framework: false);
        WarmCompiler.Warm(_compilation, _spec);
    }

    /// <summary>NSwag: parse and generate, first call in the process.</summary>
    [Benchmark(Baseline = true)]
    public async Task<string> NSwagParseAndGenerate() => NSwagPeer.Generate(await NSwagPeer.ParseAsync(_spec, BundledSpec.Path));

    /// <summary>CatchAll: compilation, driver and generator all first used here.</summary>
    [Benchmark]
    public GeneratorDriverRunResult CatchAllInFreshProcess() =>
        GeneratorHost.Driver(_spec).RunGenerators(GeneratorHost.Compilation(framework: false)).GetRunResult();

    /// <summary>CatchAll: Roslyn already warm, the generator and its parser first used here.</summary>
    [Benchmark]
    public GeneratorDriverRunResult CatchAllInWarmCompiler() => GeneratorHost.Driver(_spec).RunGenerators(_compilation!).GetRunResult();

    /// <summary>Not a target: Microsoft.OpenApi's YAML reader alone, first call (the share of the cold run the library takes).</summary>
    [Benchmark]
    public Microsoft.OpenApi.OpenApiDocument? OpenApiReadOnly()
    {
        using var stream = new System.IO.MemoryStream(System.Text.Encoding.UTF8.GetBytes(_spec));
        return new Microsoft.OpenApi.YamlReader.OpenApiYamlReader().Read(stream, new System.Uri("file:///catchall-spec.yaml"), new Microsoft.OpenApi.Reader.OpenApiReaderSettings()).Document;
    }
}

/// <summary>
/// Ten fresh processes, one invocation each. It replaces any job given on the command line (`--job short`
/// would otherwise add warm iterations here), so the fast docs mode still measures cold starts.
/// </summary>
public sealed class ColdStartConfig : ManualConfig
{
    /// <summary>Builds the config.</summary>
    public ColdStartConfig()
    {
        Add(DefaultConfig.Instance);
        AddColumn(BenchmarkDotNet.Columns.StatisticColumn.Median, BenchmarkDotNet.Columns.StatisticColumn.Min);
        AddJob(Job.Default.WithStrategy(RunStrategy.ColdStart).WithLaunchCount(10).WithWarmupCount(0).WithIterationCount(1).WithId("ColdStart"));
        UnionRule = ConfigUnionRule.AlwaysUseLocal;
    }
}
