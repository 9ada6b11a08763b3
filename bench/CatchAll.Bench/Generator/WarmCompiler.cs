using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CatchAll.Bench.Generator;

/// <summary>
/// Runs an unrelated incremental generator through the same driver paths (additional texts, options,
/// compilation, a large AddSource) so Roslyn itself is jitted and only the CatchAll generator is cold:
/// what a compiler that is already building a project sees when it reaches the generator.
/// </summary>
public static class WarmCompiler
{
    /// <summary>Warms the driver on <paramref name="compilation"/> with the spec text as input.</summary>
    public static void Warm(Compilation compilation, string specText)
    {
        var driver = CSharpGeneratorDriver.Create(
            new[] { new StandIn().AsSourceGenerator() },
            new[] { GeneratorHost.SpecText(specText) },
            GeneratorHost.ParseOptions,
            GeneratorHost.SpecOptions());
        var result = driver.RunGenerators(compilation).GetRunResult();
        _ = result.GeneratedTrees.Sum(t => t.GetRoot().FullSpan.Length);
    }

    private sealed class StandIn : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var texts = context.AdditionalTextsProvider
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Select(static (pair, ct) => (pair.Left.Path, Length: pair.Left.GetText(ct)?.Length ?? 0, Spec: pair.Right.GetOptions(pair.Left).TryGetValue("build_metadata.AdditionalFiles.CatchAllSpec", out _)));
            var runtime = context.CompilationProvider.Select(static (c, _) => c.GetTypeByMetadataName("CatchAll.Runtime.CatchAllPipeline") is not null);
            context.RegisterSourceOutput(texts.Combine(runtime), static (production, pair) =>
            {
                var builder = new StringBuilder();
                builder.Append("namespace StandIn { public sealed partial class Generated { ");
                for (var i = 0; i < 2000; i++)
                {
                    builder.Append("/// <summary>Member ").Append(i).Append(".</summary>\n public global::System.Collections.Generic.IList<string>? P").Append(i).Append(" { get; set; } = ").Append(pair.Left.Length % 7).Append(" > 3 ? null : null;\n");
                }

                builder.Append("} }");
                production.AddSource("StandIn.g.cs", SourceText.From(builder.ToString(), Encoding.UTF8));
            });
        }
    }
}
