using System;
using System.Threading;
using CatchAll.Codegen.Tests.Infrastructure;
using Xunit;

namespace CatchAll.Codegen.Tests;

/// <summary>The IDE cancels generator runs constantly; cancellation must surface as cancellation, not as a failure.</summary>
public sealed class CancellationTests
{
    [Fact]
    public void A_cancelled_run_throws_OperationCanceledException()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var driver = GeneratorHarness.CreateDriver(new[] { Scenarios.Get(Scenarios.Bundled).Spec });
        var compilation = GeneratorHarness.CreateCompilation();

        var exception = Record.Exception(() => driver.RunGenerators(compilation, cts.Token));

        Assert.NotNull(exception);
        Assert.IsAssignableFrom<OperationCanceledException>(exception);
    }

    [Fact]
    public void A_cancelled_run_and_update_throws_OperationCanceledException()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var driver = GeneratorHarness.CreateDriver(new[] { Scenarios.Get("Unions").Spec });
        var compilation = GeneratorHarness.CreateCompilation();

        Assert.ThrowsAny<OperationCanceledException>(() => driver.RunGeneratorsAndUpdateCompilation(compilation, out _, out _, cts.Token));
    }

    [Fact]
    public void After_a_cancelled_run_the_same_driver_still_generates()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var driver = GeneratorHarness.CreateDriver(new[] { Scenarios.Get("Unions").Spec });
        var compilation = GeneratorHarness.CreateCompilation();
        Assert.ThrowsAny<OperationCanceledException>(() => driver.RunGenerators(compilation, cts.Token));

        var run = GeneratorHarness.Run(driver, compilation);

        run.AssertDidNotCrash();
        Assert.NotEmpty(run.Sources);
    }
}
