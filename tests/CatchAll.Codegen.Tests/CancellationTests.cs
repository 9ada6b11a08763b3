using System;
using System.Linq;
using System.Threading;
using CatchAll.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
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

    [Theory]
    [InlineData(CancelPoint.WhileReadingTheSpec)]
    [InlineData(CancelPoint.WhileCheckingReferences)]
    public void Cancelled_during_a_run_it_ends_as_cancelled_and_the_driver_then_generates_what_a_clean_run_does(CancelPoint point)
    {
        // The token is cancelled from inside the run, by an input the generator reads at a known step: before
        // parsing (the spec's text) or between parsing and emitting (the references' names). No timing is involved,
        // so the run is interrupted on every machine, however loaded.
        var spec = Scenarios.Get(Scenarios.Bundled).Spec;
        var clean = GeneratorHarness.Run(spec);
        using var cts = new CancellationTokenSource();
        var hook = new OneShot(cts.Cancel);
        var driver = GeneratorHarness.CreateDriver(new[] { spec }, out var texts);
        var compilation = GeneratorHarness.CreateCompilation();
        if (point == CancelPoint.WhileReadingTheSpec)
        {
            driver = driver.ReplaceAdditionalText(texts[0], new HookedText(texts[0], hook.Fire));
        }
        else
        {
            var runtime = compilation.References.OfType<PortableExecutableReference>().Single(r => r.FilePath!.EndsWith("CatchAll.Runtime.dll", StringComparison.OrdinalIgnoreCase));
            compilation = compilation.ReplaceReference(runtime, new HookedReference(runtime, hook.Fire));
        }

        Assert.False(cts.IsCancellationRequested, "the hook fired before the run");
        var exception = Record.Exception(() => driver = driver.RunGenerators(compilation, cts.Token));

        Assert.True(hook.Fired, "the generator never read the hooked input");
        Assert.IsAssignableFrom<OperationCanceledException>(exception);

        var after = GeneratorHarness.Run(driver, compilation);
        after.AssertDidNotCrash();
        Assert.Equal(
            clean.Sources.Select(s => (s.HintName, s.SourceText.ToString())),
            after.Sources.Select(s => (s.HintName, s.SourceText.ToString())));
    }

    public enum CancelPoint
    {
        WhileReadingTheSpec,
        WhileCheckingReferences,
    }

    private sealed class OneShot(Action action)
    {
        private int _fired;

        public bool Fired => Volatile.Read(ref _fired) == 1;

        public void Fire()
        {
            if (Interlocked.Exchange(ref _fired, 1) == 0)
            {
                action();
            }
        }
    }

    private sealed class HookedText(AdditionalText inner, Action onRead) : AdditionalText
    {
        public override string Path => inner.Path;

        public override SourceText? GetText(CancellationToken cancellationToken = default)
        {
            onRead();
            return inner.GetText(cancellationToken);
        }
    }

    private sealed class HookedReference : PortableExecutableReference
    {
        private readonly PortableExecutableReference _inner;
        private readonly Action _onRead;

        public HookedReference(PortableExecutableReference inner, Action onRead)
            : base(inner.Properties, inner.FilePath)
        {
            _inner = inner;
            _onRead = onRead;
        }

        public override string? Display
        {
            get
            {
                _onRead();
                return _inner.Display;
            }
        }

        protected override DocumentationProvider CreateDocumentationProvider() => DocumentationProvider.Default;

        protected override Metadata GetMetadataImpl() => _inner.GetMetadata();

        protected override PortableExecutableReference WithPropertiesImpl(MetadataReferenceProperties properties) =>
            new HookedReference((PortableExecutableReference)_inner.WithProperties(properties), _onRead);
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
