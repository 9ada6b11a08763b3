using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CatchAll.Codegen.Tests.Infrastructure;

/// <summary>
/// The promise made to a user who points CatchAllSpec at a document of their own: the generator
/// answers with located CATCH warnings at most, and what it generates compiles with every C#
/// warning as an error.
/// </summary>
internal static class SpecCompile
{
    public static GeneratorRun AssertGeneratesAndCompiles(SpecFile spec)
    {
        var run = GeneratorHarness.Run(spec);
        run.AssertDidNotCrash();
        // The harness raises every warning to an error; CATCH warnings are allowed, so the descriptor's own severity decides.
        var errors = run.Diagnostics.Where(d => d.DefaultSeverity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "generator errors:\n" + string.Join("\n", errors));
        AssertLocated(run.Diagnostics);
        Assert.NotEmpty(run.Sources);
        AssertCompiles(run.Output);
        return run;
    }

    public static void AssertCompiles(Compilation output)
    {
        var diagnostics = output.GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden).ToList();
        Assert.True(diagnostics.Count == 0, $"{diagnostics.Count} compiler diagnostic(s):\n" + string.Join("\n", diagnostics.Take(20)));
    }

    /// <summary>Every CATCH diagnostic about a spec points into that spec's file.</summary>
    public static void AssertLocated(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics.Where(d => d.Id is not "CATCH0011" and not "CATCH0012"))
        {
            var span = diagnostic.Location.GetLineSpan();
            Assert.True(span.IsValid && !string.IsNullOrEmpty(span.Path), "not located: " + diagnostic);
        }
    }
}
