using System;
using System.IO;
using System.Linq;
using System.Reflection;
using CatchAll.Codegen.Diagnostics;
using CatchAll.Codegen.Tests.Infrastructure;
using Xunit;

namespace CatchAll.Codegen.Tests;

/// <summary>
/// One list of ids (DiagnosticIds), one descriptor per id, and no id that nothing reports: a declared but
/// unreported id is a promise in the release notes that no build ever keeps.
/// </summary>
public sealed class DiagnosticCatalogTests
{
    private static readonly (string Name, string Id)[] Ids = typeof(DiagnosticIds)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (f.Name, (string)f.GetRawConstantValue()!))
        .ToArray();

    [Fact]
    public void Every_id_has_a_descriptor_with_that_id_and_the_ids_are_distinct()
    {
        Assert.Equal(19, Ids.Length);
        Assert.Equal(Ids.Length, Ids.Select(i => i.Id).Distinct().Count());
        foreach (var (_, id) in Ids)
        {
            Assert.Equal(id, DiagnosticCatalog.Find(id)?.Id);
        }

        Assert.Null(DiagnosticCatalog.Find("CATCH9999"));
    }

    [Fact]
    public void Every_id_is_reported_by_some_code_outside_the_catalog()
    {
        var generator = Path.Combine(RepoPaths.RepoRoot, "generator", "CatchAll.Codegen");
        var sources = Directory.EnumerateFiles(generator, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !p.Contains(Path.DirectorySeparatorChar + "Diagnostics" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();
        Assert.NotEmpty(sources);

        // By its constant or its descriptor (reported straight from the generator); a literal id outside the catalog would be a second spelling.
        var unused = Ids.Where(i => !sources.Any(s =>
            s.Contains("DiagnosticIds." + i.Name, StringComparison.Ordinal)
            || s.Contains("DiagnosticCatalog." + i.Name, StringComparison.Ordinal))).ToList();
        Assert.Empty(unused);
        Assert.DoesNotContain(sources, s => System.Text.RegularExpressions.Regex.IsMatch(s, "\"CATCH\\d{4}\""));
    }

    [Fact]
    public void The_release_notes_list_every_id_and_no_other()
    {
        var notes = File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "generator", "CatchAll.Codegen", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "generator", "CatchAll.Codegen", "AnalyzerReleases.Shipped.md"));
        var listed = System.Text.RegularExpressions.Regex.Matches(notes, @"^(CATCH\d{4}) \|", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value)
            .OrderBy(id => id, StringComparer.Ordinal);
        Assert.Equal(Ids.Select(i => i.Id).OrderBy(id => id, StringComparer.Ordinal), listed);
    }
}
