using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CatchAll.Codegen.Tests.Infrastructure;

/// <summary>
/// Per-file analyzer-config options keyed by AdditionalText path: what MSBuild writes to the
/// generated .editorconfig for CompilerVisibleItemMetadata, minus the build.
/// </summary>
internal sealed class TestAnalyzerConfigOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly ImmutableDictionary<string, AnalyzerConfigOptions> _byPath;

    public TestAnalyzerConfigOptionsProvider(IEnumerable<KeyValuePair<string, ImmutableDictionary<string, string>>> perFile)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, AnalyzerConfigOptions>(StringComparer.Ordinal);
        foreach (var pair in perFile)
        {
            builder[pair.Key] = new TestAnalyzerConfigOptions(pair.Value);
        }

        _byPath = builder.ToImmutable();
    }

    public override AnalyzerConfigOptions GlobalOptions => TestAnalyzerConfigOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => TestAnalyzerConfigOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        _byPath.TryGetValue(textFile.Path, out var options) ? options : TestAnalyzerConfigOptions.Empty;
}

/// <summary>One file's options; keys compare case-insensitively, as the compiler's own do.</summary>
internal sealed class TestAnalyzerConfigOptions : AnalyzerConfigOptions
{
    public static readonly TestAnalyzerConfigOptions Empty = new(ImmutableDictionary<string, string>.Empty);

    private readonly ImmutableDictionary<string, string> _values;

    public TestAnalyzerConfigOptions(ImmutableDictionary<string, string> values) =>
        _values = values.WithComparers(StringComparer.OrdinalIgnoreCase);

    public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
}
