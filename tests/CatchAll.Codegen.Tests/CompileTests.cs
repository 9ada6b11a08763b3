using System.Linq;
using CatchAll.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CatchAll.Codegen.Tests;

/// <summary>
/// The generated code compiles for the strictest consumer: C# 11, nullable on, every warning of
/// every wave reported as an error, XML doc comments checked.
/// </summary>
public sealed class CompileTests
{
    [Theory]
    [MemberData(nameof(SnapshotTests.ScenarioNames), MemberType = typeof(SnapshotTests))]
    public void Generated_code_compiles_without_a_single_diagnostic(string scenario)
    {
        var run = Scenarios.Run(scenario);
        run.AssertDidNotCrash();
        Assert.NotEmpty(run.Sources);

        var diagnostics = run.Output.GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden).ToList();

        Assert.True(diagnostics.Count == 0, $"{diagnostics.Count} diagnostic(s) compiling scenario '{scenario}':\n" + string.Join("\n", diagnostics.Take(40)));
    }

    [Theory]
    [MemberData(nameof(SnapshotTests.ScenarioNames), MemberType = typeof(SnapshotTests))]
    public void Scenario_raises_no_generator_diagnostic(string scenario)
    {
        var run = Scenarios.Run(scenario);

        Assert.True(run.Diagnostics.IsEmpty, GeneratorRun.Describe(run.Diagnostics));
    }

    [Fact]
    public void The_harness_really_is_strict()
    {
        // A warning-level problem (CS0168, unused local) must fail: otherwise a clean result above proves nothing.
        var compilation = GeneratorHarness.CreateCompilation("class C { void M() { int unused; } }");

        var diagnostic = Assert.Single(compilation.GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden));
        Assert.Equal("CS0168", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.True(diagnostic.IsWarningAsError);
    }
}
