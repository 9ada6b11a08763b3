using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CatchAll.Emulator;
using CatchAll.Models;
using Xunit;

namespace CatchAll.EndToEnd.Tests.Enrichments;

/// <summary>The README's "Typed enrichments" example, compiled and run; a test keeps the README's copy word for word.</summary>
public sealed partial class ReadmeExample
{
    private const string Section = "## Typed enrichments";

    [Fact]
    public async Task The_readme_example_runs_against_the_emulator()
    {
        await using var emulator = await CatchAllEmulator.StartAsync();
        using var client = new CatchAllClient(new CatchAllClientOptions { ApiKey = emulator.ApiKey, BaseAddress = emulator.BaseAddress });
        var path = Path.Combine(Path.GetTempPath(), $"rounds-{Guid.NewGuid():N}.csv");
        try
        {
            #region README typed-enrichments-usage
            var status = await client.Jobs.SubmitAndWaitAsync<FundingRound>(
                new SubmitRequest { Query = "Series B rounds for SaaS startups", Limit = 50 },
                new PollingOptions { Interval = TimeSpan.FromMilliseconds(250) });
            await foreach (var r in client.Jobs.GetJobResultsAllAsync<FundingRound>(status.JobId))
            {
                Console.WriteLine($"{r.Record.RecordTitle}: {r.Enrichment.FundingAmount} {r.Enrichment.FundingCurrency}");
                foreach (var problem in r.Problems)
                {
                    Console.WriteLine($"  kept as sent: {problem.Message}");
                }
            }

            // One row per record, written page by page as the pager fetches them.
            await using var csv = File.CreateText(path);
            await FundingRound.EnrichmentSet.WriteCsvAsync(client.Jobs.GetJobResultsAllAsync<FundingRound>(status.JobId), csv);
            #endregion
            await csv.DisposeAsync();
            Assert.StartsWith("record_id,record_title,enrichment_confidence,investee_company,", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_readme_suggestions_example_writes_a_declaration_from_the_emulators_suggestions()
    {
        await using var emulator = await CatchAllEmulator.StartAsync();
        using var client = new CatchAllClient(new CatchAllClientOptions { ApiKey = emulator.ApiKey, BaseAddress = emulator.BaseAddress });
        var path = Path.Combine(Path.GetTempPath(), $"suggested-{Guid.NewGuid():N}.cs");
        try
        {
            #region README typed-enrichments-suggestions
            var suggested = await client.Jobs.InitializeAsync(new InitializeRequest { Query = "Series B rounds for SaaS startups" });
            File.WriteAllText(path, suggested.ToCSharpDeclaration("FundingRound", "MyApp"));
            #endregion
            var text = await File.ReadAllTextAsync(path);
            Assert.Contains("[CatchAllEnrichments]\n    public partial record FundingRound", text, StringComparison.Ordinal);
            Assert.NotEmpty(suggested.Enrichments);
            foreach (var enrichment in suggested.Enrichments)
            {
                // The emulator suggests snake_case names: each becomes its Pascal-case property, or is pinned with Name
                // where that property name is taken (a field named like the type).
                var property = string.Concat(enrichment.Name.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
                Assert.True(
                    Regex.IsMatch(text, @"\[Enrichment\(""[^\n]*""\)\] public [\w.:]+\? " + property + " ") || text.Contains($"Name = \"{enrichment.Name}\")]", StringComparison.Ordinal),
                    property + " in\n" + text);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_readme_shows_the_compiled_example_word_for_word()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "CatchAll.Codegen.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("no repository root above the tests");
        }

        var readme = File.ReadAllText(Path.Combine(root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = readme.IndexOf(Section + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no '{Section}' section");
        var end = readme.IndexOf("\n## ", start + Section.Length, StringComparison.Ordinal);
        var section = end < 0 ? readme[start..] : readme[start..end];
        var shown = CSharpBlock().Matches(section).Select(m => m.Groups["code"].Value).ToList();
        var folder = Path.Combine(root, "tests", "CatchAll.EndToEnd.Tests", "Enrichments");
        foreach (var (file, name) in new[] { ("FundingRound.cs", "typed-enrichments-declaration"), ("ReadmeExample.cs", "typed-enrichments-usage"), ("ReadmeExample.cs", "typed-enrichments-suggestions") })
        {
            var code = Region(File.ReadAllLines(Path.Combine(folder, file)), name);
            Assert.True(shown.Contains(code), $"README.md's '{Section}' does not show region '{name}' as it is compiled:\n{code}");
        }
    }

    private static string Region(string[] lines, string name)
    {
        var open = Array.FindIndex(lines, l => l.Trim() == "#region README " + name);
        Assert.True(open >= 0, "no region " + name);
        var body = lines.Skip(open + 1).TakeWhile(l => l.Trim() != "#endregion").ToList();
        var indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join("\n", body.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    [GeneratedRegex(@"```csharp\n(?<code>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
