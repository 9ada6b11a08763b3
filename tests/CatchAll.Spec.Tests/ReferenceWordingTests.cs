using System;
using System.Collections.Generic;
using System.Linq;
using CatchAll.TestSupport;
using Xunit;

namespace CatchAll.Spec.Tests;

/// <summary>Our descriptions carry the vendor's facts in our own words: no long sentence is copied.</summary>
public sealed class ReferenceWordingTests
{
    private const int MinimumLength = 40;

    [SkippableFact]
    public void No_long_description_or_summary_repeats_the_reference()
    {
        Skip.If(!RepoPaths.ReferenceAvailable, "Reference spec not found at " + RepoPaths.ReferenceSpec);

        var referenceTexts = RawYaml.DocumentationTexts(RawYaml.Load(RepoPaths.ReferenceSpec)).Select(t => t.Text).ToList();
        var ourTexts = RawYaml.DocumentationTexts(RawYaml.Load(RepoPaths.BundledSpec));

        var referenceLines = referenceTexts.SelectMany(Lines).ToHashSet(StringComparer.Ordinal);
        var referenceWhole = referenceTexts.Select(t => t.Trim()).Where(t => t.Length >= MinimumLength).ToHashSet(StringComparer.Ordinal);

        var copied = new List<string>();
        foreach (var (pointer, text) in ourTexts)
        {
            if (referenceWhole.Contains(text.Trim()))
            {
                copied.Add(pointer + ": " + text.Trim());
            }

            copied.AddRange(Lines(text).Where(referenceLines.Contains).Select(line => pointer + ": " + line));
        }

        Assert.True(ourTexts.Count > 500, $"Only {ourTexts.Count} texts were read from our spec.");
        Assert.True(copied.Count == 0, "Copied from the reference:\n" + string.Join("\n", copied.Distinct()));
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length >= MinimumLength);
}
