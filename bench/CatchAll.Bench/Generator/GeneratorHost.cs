using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Threading;
using CatchAll.Codegen;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CatchAll.Bench.Generator;

/// <summary>
/// Runs <see cref="CatchAllGenerator"/> the way the compiler does: the spec as an AdditionalText with
/// the item metadata CatchAll.Codegen.targets makes compiler-visible, through CSharpGeneratorDriver.
/// </summary>
public static class GeneratorHost
{
    /// <summary>C# as the SDK compiles a net10.0 project.</summary>
    public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview);

    /// <summary>The spec as the build hands it over.</summary>
    public static AdditionalText SpecText(string text) => new MemoryText(BundledSpec.Path, text);

    /// <summary>Metadata for that one file: CatchAllSpec=true and the default namespace and client name.</summary>
    public static AnalyzerConfigOptionsProvider SpecOptions() => new SpecOptionsProvider(BundledSpec.Path);

    /// <summary>
    /// A compilation the generator accepts (it checks CatchAll.Runtime is referenced). With
    /// <paramref name="framework"/> it references the whole shared framework, as a real consumer does.
    /// </summary>
    public static CSharpCompilation Compilation(bool framework, params string[] sources)
    {
        var references = new List<MetadataReference>
        {
            MetadataReference.CreateFromFile(typeof(object).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(CatchAll.Runtime.CatchAllPipeline).Assembly.Location),
        };
        if (framework)
        {
            var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p).StartsWith("Microsoft.Extensions.", StringComparison.Ordinal))
                .Where(p => !p.Equals(typeof(object).Assembly.Location, StringComparison.Ordinal));
            references.AddRange(platform.Select(p => MetadataReference.CreateFromFile(p)));
        }

        return CSharpCompilation.Create(
            "Bench.Consumer",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Consumer{i}.cs")),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>A driver holding only the CatchAll generator, as csc has it for a consumer.</summary>
    public static GeneratorDriver Driver(string specText, bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            new[] { new CatchAllGenerator().AsSourceGenerator() },
            new[] { SpecText(specText) },
            ParseOptions,
            SpecOptions(),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Lines of every generated file (for the size column beside NSwag's).</summary>
    public static int CountLines(GeneratorDriverRunResult result) =>
        result.Results.SelectMany(r => r.GeneratedSources).Sum(s => s.SourceText.Lines.Count);

    /// <summary>Throws unless the run produced sources and no error.</summary>
    public static GeneratorDriverRunResult Check(GeneratorDriverRunResult result)
    {
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0 || result.GeneratedTrees.Length == 0)
        {
            throw new InvalidOperationException("The generator did not produce the client: " + string.Join("; ", errors.Select(e => e.ToString())));
        }

        return result;
    }

    private sealed class MemoryText : AdditionalText
    {
        private readonly SourceText _text;

        public MemoryText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class SpecOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly string _specPath;
        private readonly AnalyzerConfigOptions _spec = new Options(ImmutableDictionary<string, string>.Empty
            .Add("build_metadata.AdditionalFiles.CatchAllSpec", "true")
            .Add("build_metadata.AdditionalFiles.CatchAllNamespace", string.Empty)
            .Add("build_metadata.AdditionalFiles.CatchAllClientName", string.Empty));

        public SpecOptionsProvider(string specPath) => _specPath = specPath;

        public override AnalyzerConfigOptions GlobalOptions => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            string.Equals(textFile.Path, _specPath, StringComparison.Ordinal) ? _spec : Options.Empty;
    }

    private sealed class Options : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(ImmutableDictionary<string, string>.Empty);

        private readonly ImmutableDictionary<string, string> _values;

        public Options(ImmutableDictionary<string, string> values) => _values = values.WithComparers(StringComparer.OrdinalIgnoreCase);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
