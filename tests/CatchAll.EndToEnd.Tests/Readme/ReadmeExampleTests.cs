using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CatchAll.TestSupport;
using Xunit;

namespace CatchAll.EndToEnd.Tests.Readme;

/// <summary>
/// The README's "Testing your code" examples are the <c>#region README name</c> blocks of the files in this folder,
/// which CI compiles and runs; this test fails when the README's copy of one drifts from the file.
/// </summary>
public sealed partial class ReadmeExampleTests
{
    private const string Section = "## Testing your code";

    [Fact]
    public void Every_example_in_the_testing_section_is_a_compiled_region_word_for_word()
    {
        var root = RepoPaths.RepoRoot;
        var readme = File.ReadAllText(Path.Combine(root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = readme.IndexOf(Section + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no '{Section}' section");
        var end = readme.IndexOf("\n## ", start + Section.Length, StringComparison.Ordinal);
        var section = end < 0 ? readme[start..] : readme[start..end];
        var shown = CSharpBlock().Matches(section).Select(m => m.Groups["code"].Value).ToList();

        var regions = Regions(Path.Combine(root, "tests", "CatchAll.EndToEnd.Tests", "Readme"));

        Assert.Equal(["dependency-injection", "emulator", "mocking-library", "subclass"], regions.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, code) in regions)
        {
            Assert.True(shown.Contains(code), $"README.md's '{Section}' does not show region '{name}' as it is compiled:\n{code}");
        }

        Assert.Equal(regions.Count, shown.Count);
    }

    /// <summary>Each <c>#region README name</c> of the folder's C# files, its lines dedented by their common indent.</summary>
    private static Dictionary<string, string> Regions(string folder)
    {
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "*.cs"))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var open = RegionStart().Match(lines[i]);
                if (!open.Success)
                {
                    continue;
                }

                var body = lines.Skip(i + 1).TakeWhile(l => l.Trim() != "#endregion").ToList();
                var indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
                regions.Add(open.Groups["name"].Value, string.Join("\n", body.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart())));
            }
        }

        return regions;
    }

    [GeneratedRegex(@"^\s*#region README (?<name>[a-z-]+)\s*$")]
    private static partial Regex RegionStart();

    [GeneratedRegex(@"```csharp\n(?<code>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
