using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace CatchAll.Codegen.Tests.Infrastructure;

/// <summary>
/// Snapshot checks: one baseline per generated hint name under Baselines/&lt;Scenario&gt;/. Text is
/// compared exactly ('\n' endings, no normalisation). CATCHALL_UPDATE_BASELINES=1 rewrites the
/// folder from the generator output instead of comparing, stale files included.
/// </summary>
internal static class Baseline
{
    public const string UpdateVariable = "CATCHALL_UPDATE_BASELINES";

    private const int ContextLines = 3;
    private const int ShownLines = 8;

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static void Verify(string scenario, IReadOnlyList<(string HintName, string Text)> generated) =>
        Verify(RepoPaths.Baselines, scenario, generated, Updating);

    /// <summary>The same check against any folder, so the checker itself can be tested on a scratch copy.</summary>
    public static void Verify(string root, string scenario, IReadOnlyList<(string HintName, string Text)> generated, bool update)
    {
        var folder = Path.Combine(root, scenario);
        if (update)
        {
            Update(folder, generated);
            return;
        }

        var failures = new List<string>();
        var existing = Directory.Exists(folder)
            ? Directory.GetFiles(folder).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string?>(StringComparer.Ordinal);
        foreach (var (hintName, text) in generated)
        {
            var relative = $"Baselines/{scenario}/{hintName}";
            if (!existing.Remove(hintName))
            {
                failures.Add($"{relative}: generated, but there is no baseline.");
                continue;
            }

            var expected = File.ReadAllText(Path.Combine(folder, hintName));
            if (!string.Equals(expected, text, StringComparison.Ordinal))
            {
                failures.Add(Diff(relative, expected, text));
            }
        }

        foreach (var stale in existing.OrderBy(n => n, StringComparer.Ordinal))
        {
            failures.Add($"Baselines/{scenario}/{stale}: has a baseline, but the generator no longer produces it.");
        }

        if (failures.Count > 0)
        {
            Assert.Fail(
                $"{failures.Count} generated file(s) of scenario '{scenario}' differ from their baselines. "
                + $"If the change is intended, rerun with {UpdateVariable}=1 and review the baseline diff.\n\n"
                + string.Join("\n\n", failures));
        }
    }

    /// <summary>A unified-diff-like excerpt around the first differing line.</summary>
    public static string Diff(string name, string expected, string actual)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        var first = 0;
        while (first < left.Length && first < right.Length && left[first] == right[first])
        {
            first++;
        }

        var builder = new StringBuilder();
        builder.Append("--- ").Append(name).Append(" (baseline)\n");
        builder.Append("+++ ").Append(name).Append(" (generated)\n");
        builder.Append("@@ first difference at line ").Append(first + 1)
            .Append(" (baseline has ").Append(left.Length).Append(" lines, generated ").Append(right.Length).Append(") @@\n");
        for (var i = Math.Max(0, first - ContextLines); i < first; i++)
        {
            builder.Append(' ').Append(Visible(left[i])).Append('\n');
        }

        for (var i = first; i < Math.Min(left.Length, first + ShownLines); i++)
        {
            builder.Append('-').Append(Visible(left[i])).Append('\n');
        }

        for (var i = first; i < Math.Min(right.Length, first + ShownLines); i++)
        {
            builder.Append('+').Append(Visible(right[i])).Append('\n');
        }

        return builder.ToString();
    }

    // A stray '\r' or tab is invisible in a test log yet is exactly what makes two lines differ.
    private static string Visible(string line) => line.Replace("\r", "\\r").Replace("\t", "\\t");

    private static void Update(string folder, IReadOnlyList<(string HintName, string Text)> generated)
    {
        Directory.CreateDirectory(folder);
        var keep = new HashSet<string>(generated.Select(g => g.HintName), StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder))
        {
            if (!keep.Contains(Path.GetFileName(file)))
            {
                File.Delete(file);
            }
        }

        foreach (var (hintName, text) in generated)
        {
            var path = Path.Combine(folder, hintName);
            if (!File.Exists(path) || File.ReadAllText(path) != text)
            {
                File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
        }
    }
}
