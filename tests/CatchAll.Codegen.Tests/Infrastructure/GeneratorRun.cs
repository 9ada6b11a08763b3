using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CatchAll.Codegen.Tests.Infrastructure;

/// <summary>One driver run: what went in, what came out, and what the driver said about it.</summary>
internal sealed class GeneratorRun
{
    public GeneratorRun(GeneratorDriver driver, Compilation input, Compilation output, ImmutableArray<Diagnostic> driverDiagnostics)
    {
        Driver = driver;
        Input = input;
        Output = output;
        DriverDiagnostics = driverDiagnostics;
        Result = driver.GetRunResult();
    }

    public GeneratorDriver Driver { get; }

    public Compilation Input { get; }

    public Compilation Output { get; }

    /// <summary>What RunGeneratorsAndUpdateCompilation reported: generator diagnostics plus CS8784/CS8785 on a crash.</summary>
    public ImmutableArray<Diagnostic> DriverDiagnostics { get; }

    public GeneratorDriverRunResult Result { get; }

    public GeneratorRunResult Single => Assert.Single(Result.Results);

    /// <summary>Diagnostics the generator reported itself.</summary>
    public ImmutableArray<Diagnostic> Diagnostics => Single.Diagnostics;

    public ImmutableArray<GeneratedSourceResult> Sources => Single.GeneratedSources;

    public string Source(string hintName) => Sources.Single(s => s.HintName == hintName).SourceText.ToString();

    public ImmutableArray<Diagnostic> WithId(string id) => Diagnostics.Where(d => d.Id == id).ToImmutableArray();

    /// <summary>
    /// The generator did not throw: the driver would turn that into CS8784/CS8785 and drop all output.
    /// Whatever the input, the answer is CATCH diagnostics.
    /// </summary>
    public void AssertDidNotThrow()
    {
        Assert.All(Result.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(DriverDiagnostics, d => d.Id is "CS8784" or "CS8785");
        Assert.All(Diagnostics, d => Assert.StartsWith("CATCH", d.Id));
    }

    /// <summary>
    /// Did not throw, and did not swallow an internal failure either (CATCH0007 says "the generator
    /// failed" and names an exception, which tells the user nothing about their spec).
    /// </summary>
    public void AssertDidNotCrash()
    {
        AssertDidNotThrow();
        Assert.DoesNotContain(Diagnostics, d => d.Id == "CATCH0007");
    }

    public static string Describe(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.Length == 0 ? "(none)" : string.Join("\n", diagnostics.Select(d => d.ToString()));
}
