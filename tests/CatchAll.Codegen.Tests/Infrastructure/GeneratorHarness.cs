using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CatchAll.Codegen.Tests.Infrastructure;

/// <summary>
/// Drives <see cref="CatchAllGenerator"/> the way the compiler does, with no MSBuild in between:
/// a compilation over .NET 8 reference assemblies plus CatchAll.Runtime, specs as AdditionalTexts,
/// their item metadata through an options provider, and step tracking on.
/// </summary>
internal static class GeneratorHarness
{
    /// <summary>C# 11 is the lowest version the generated code supports (required members, u8 literals).</summary>
    public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default
        .WithLanguageVersion(LanguageVersion.CSharp11)
        .WithDocumentationMode(DocumentationMode.Diagnose);

    /// <summary>Every warning at the highest level, reported as an error: the strictest consumer there is.</summary>
    public static readonly CSharpCompilationOptions CompilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
        .WithNullableContextOptions(NullableContextOptions.Enable)
        .WithGeneralDiagnosticOption(ReportDiagnostic.Error)
        .WithWarningLevel(9999)
        .WithDeterministic(true);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "CatchAll.Consumer",
            sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, ParseOptions, path: $"Consumer{i}.cs")),
            References,
            CompilationOptions);

    public static GeneratorDriver CreateDriver(IEnumerable<SpecFile> specs) => CreateDriver(specs, out _);

    /// <summary>Also hands back the AdditionalTexts, which a test needs to replace one of them later.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<SpecFile> specs, out ImmutableArray<AdditionalText> texts)
    {
        var list = specs.ToList();
        texts = list.Select(s => s.ToAdditionalText()).ToImmutableArray();
        var options = new TestAnalyzerConfigOptionsProvider(list.Select(s => new KeyValuePair<string, ImmutableDictionary<string, string>>(s.Path, s.Metadata())));
        return CSharpGeneratorDriver.Create(
            new[] { new CatchAllGenerator().AsSourceGenerator() },
            texts,
            ParseOptions,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    public static GeneratorRun Run(params SpecFile[] specs) => Run(CreateCompilation(), specs);

    public static GeneratorRun Run(CSharpCompilation compilation, IEnumerable<SpecFile> specs, CancellationToken cancellationToken = default) =>
        Run(CreateDriver(specs), compilation, cancellationToken);

    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation, CancellationToken cancellationToken = default)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics, cancellationToken);
        return new GeneratorRun(driver, compilation, output, diagnostics);
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var runtime = typeof(CatchAll.Runtime.CatchAllPipeline).Assembly;
        var references = new List<MetadataReference>(Net80.References.All);
        var framework = new HashSet<string>(Net80.References.All.Select(r => System.IO.Path.GetFileNameWithoutExtension(r.FilePath!)), StringComparer.OrdinalIgnoreCase);
        references.Add(MetadataReference.CreateFromFile(runtime.Location));

        // CatchAll.Runtime's own package dependencies (Microsoft.Extensions.*), as a consumer gets them
        // transitively; the framework itself comes from the reference assemblies above.
        foreach (var name in runtime.GetReferencedAssemblies())
        {
            if (framework.Contains(name.Name!))
            {
                continue;
            }

            references.Add(MetadataReference.CreateFromFile(System.Reflection.Assembly.Load(name).Location));
        }

        return references.ToImmutableArray();
    }
}
