using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CatchAll.Codegen.Tests.Infrastructure;

/// <summary>Small specs written inline in a test: a fixed header plus the paths and schemas the test is about.</summary>
internal static class InlineSpec
{
    public const string Path = "/specs/inline.yaml";

    /// <summary>
    /// A whole document. <paramref name="paths"/> and <paramref name="schemas"/> are YAML blocks
    /// already indented for their place (two spaces under paths:, four under schemas:).
    /// </summary>
    public static string Document(string paths, string? schemas = null) =>
        "openapi: 3.1.0\n"
        + "info:\n  title: Inline\n  version: 1.0.0\n"
        + "servers:\n  - url: https://inline.example.test\n"
        + "paths:\n" + paths.TrimEnd('\n') + "\n"
        + (schemas is null ? string.Empty : "components:\n  schemas:\n" + schemas.TrimEnd('\n') + "\n");

    public static SpecFile File(string text, string? @namespace = "Inline", string? clientName = "InlineApi") =>
        new(Path, text, @namespace, clientName);

    public static GeneratorRun Run(string text) => GeneratorHarness.Run(File(text));

    /// <summary>Runs the generator and asserts the consumer compiles with no diagnostic at all.</summary>
    public static GeneratorRun AssertCompiles(string text)
    {
        var run = Run(text);
        run.AssertDidNotCrash();
        Assert.True(run.Diagnostics.IsEmpty, GeneratorRun.Describe(run.Diagnostics));
        Assert.NotEmpty(run.Sources);
        var diagnostics = run.Output.GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden).ToList();
        Assert.True(diagnostics.Count == 0, $"{diagnostics.Count} diagnostic(s):\n" + string.Join("\n", diagnostics.Take(20)));
        return run;
    }
}
