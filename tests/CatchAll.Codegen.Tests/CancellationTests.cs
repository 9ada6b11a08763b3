using System;
using System.Linq;
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
    public void Cancelled_at_any_point_of_a_run_it_ends_as_cancelled_never_as_a_failure()
    {
        // A token cancelled before the run is rejected by the driver before the generator starts; these are
        // cancelled while the bundled spec is being parsed and emitted, at a spread of moments.
        var spec = Scenarios.Get(Scenarios.Bundled).Spec;
        var compilation = GeneratorHarness.CreateCompilation();
        var clean = GeneratorHarness.Run(spec);
        var cancelled = 0;
        for (var delay = 1; delay <= 40; delay += 3)
        {
            var driver = GeneratorHarness.CreateDriver(new[] { spec });
            using var cts = new CancellationTokenSource();

            // Cancelled from a thread of its own, as the IDE does: a timer's callback would wait for a free
            // thread-pool thread, and the generator keeps those busy while it emits.
            var canceller = new Thread(() =>
            {
                Thread.Sleep(delay);
                cts.Cancel();
            });
            canceller.Start();
            var exception = Record.Exception(() => driver = driver.RunGenerators(compilation, cts.Token));
            canceller.Join();

            if (exception is null)
            {
                var result = driver.GetRunResult().Results.Single();
                Assert.DoesNotContain(result.Diagnostics, d => d.Id == "CATCH0007");
                Assert.Null(result.Exception);
            }
            else
            {
                Assert.IsAssignableFrom<OperationCanceledException>(exception);
                cancelled++;
            }

            // Whatever was interrupted, the same driver then generates exactly what a clean run does.
            var after = GeneratorHarness.Run(driver, compilation);
            Assert.Equal(
                clean.Sources.Select(s => (s.HintName, s.SourceText.ToString())),
                after.Sources.Select(s => (s.HintName, s.SourceText.ToString())));
        }

        Assert.True(cancelled > 0, "every run finished before its token was cancelled; nothing was interrupted");
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
