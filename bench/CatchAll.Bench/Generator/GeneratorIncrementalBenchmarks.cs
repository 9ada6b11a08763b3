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

    // The typed enrichment set: with it, the enrichment pipeline has a type to keep cached across the edit.
    private const string Enrichments = """
        namespace Consumer
        {
            public enum FundingStage { Seed, SeriesA, SeriesB }

            [global::CatchAll.CatchAllEnrichments]
            public partial record FundingRound
            {
                [global::CatchAll.Enrichment("Name of the company that raised the money")] public string? InvesteeCompany { get; init; }
                [global::CatchAll.Enrichment("Amount raised, in units of the currency")] public decimal? FundingAmount { get; init; }
                [global::CatchAll.Enrichment("ISO 4217 code of the currency")] public string? FundingCurrency { get; init; }
                [global::CatchAll.Enrichment("Date the round was announced")] public global::System.DateOnly? AnnouncementDate { get; init; }
                [global::CatchAll.Enrichment("The lead investor")] public global::CatchAll.Models.CompanyEnrichmentOutput? LeadInvestor { get; init; }
                [global::CatchAll.Enrichment("Stage of the round")] public FundingStage? Stage { get; init; }
            }
        }
        """;

    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _driver = null!;
    private SyntaxTree _unrelated = null!;
    private SyntaxTree[] _edits = Array.Empty<SyntaxTree>();
    private int _next;

    /// <summary>With a <c>[CatchAllEnrichments]</c> type in the consumer (the second pipeline's cached path is timed too).</summary>
    [Params(false, true)]
    public bool WithEnrichments { get; set; }

    /// <summary>A consumer over the whole framework, the client generated once, and proof an edit reuses it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var program = "namespace Consumer { public static class Program { public static void Main() { using var client = new global::CatchAll.CatchAllClient(new global::CatchAll.CatchAllClientOptions { ApiKey = \"k\" }); } } }";
        _compilation = GeneratorHost.Compilation(
            framework: true,
            (WithEnrichments ? new[] { program, Enrichments } : new[] { program }).Append(Unrelated.Replace("{0}", "0", StringComparison.Ordinal)).ToArray());
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

    /// <summary>The floor any build pays with the typed set: the edit, then binding the type's and its properties' attributes in the new compilation (what the generator's parser reads).</summary>
    [Benchmark]
    public int EditThenBindEnrichmentType()
    {
        var type = Edit().GetTypeByMetadataName("Consumer.FundingRound");
        return type is null ? 0 : type.GetAttributes().Length + type.GetMembers().Sum(m => m.GetAttributes().Length);
    }

    private Compilation Edit() => _compilation.ReplaceSyntaxTree(_unrelated, _edits[_next++ & 1]);
}
