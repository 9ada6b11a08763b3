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
/// <remarks>
/// Update mode never makes a run green on its own: a test that rewrote a baseline fails and names the files,
/// so the next run without the variable is the one that proves the output; and under CI (<c>CI</c> set to
/// true or 1) update mode is refused outright, so a CI job with the variable leaked into it fails instead of
/// rewriting its expectations and passing.
/// </remarks>
internal static class Baseline
{
    public const string UpdateVariable = "CATCHALL_UPDATE_BASELINES";

    private const int ContextLines = 3;
    private const int ShownLines = 8;

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>True on a CI runner: the conventional <c>CI</c> variable is <c>true</c> or <c>1</c>.</summary>
    public static bool UnderCi => Environment.GetEnvironmentVariable("CI") is string ci
        && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    public static void Verify(string scenario, IReadOnlyList<(string HintName, string Text)> generated) =>
        Verify(RepoPaths.Baselines, scenario, generated, Updating, UnderCi);

    /// <summary>The same check against any folder, so the checker itself can be tested on a scratch copy.</summary>
    public static void Verify(string root, string scenario, IReadOnlyList<(string HintName, string Text)> generated, bool update, bool underCi = false)
    {
        var folder = Path.Combine(root, scenario);
        if (update)
        {
            if (underCi)
            {
                Assert.Fail($"{UpdateVariable}=1 under CI: refusing to rewrite the baselines of scenario '{scenario}'. CI compares against the committed baselines; unset the variable.");
            }

            var rewritten = Update(folder, generated);
            if (rewritten.Count > 0)
            {
                Assert.Fail(
                    $"Rewrote {rewritten.Count} baseline file(s) of scenario '{scenario}' ({UpdateVariable}=1): "
                    + string.Join(", ", rewritten)
                    + ". Review the diff, then run again without the variable; that run is the one that must pass.");
            }

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

    /// <summary>Brings the folder in line with the output; returns what changed ("-name" for a removed file).</summary>
    private static List<string> Update(string folder, IReadOnlyList<(string HintName, string Text)> generated)
    {
        var changed = new List<string>();
        Directory.CreateDirectory(folder);
        var keep = new HashSet<string>(generated.Select(g => g.HintName), StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder).OrderBy(f => f, StringComparer.Ordinal))
        {
            if (!keep.Contains(Path.GetFileName(file)))
            {
                File.Delete(file);
                changed.Add("-" + Path.GetFileName(file));
            }
        }

        foreach (var (hintName, text) in generated)
        {
            var path = Path.Combine(folder, hintName);
            if (!File.Exists(path) || File.ReadAllText(path) != text)
            {
                File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                changed.Add(hintName);
            }
        }

        return changed;
    }
}
