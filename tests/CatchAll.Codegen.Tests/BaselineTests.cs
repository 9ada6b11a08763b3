using System;
using System.Collections.Generic;
using System.IO;
using CatchAll.Codegen.Tests.Infrastructure;
using Xunit;
using Xunit.Sdk;

namespace CatchAll.Codegen.Tests;

/// <summary>The snapshot checker fails when it should; a checker that always passes would make every snapshot test vacuous.</summary>
public sealed class BaselineTests : IDisposable
{
    private const string Scenario = "Sample";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "catchall-baselines-" + Guid.NewGuid().ToString("N"));

    public BaselineTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, Scenario));
        Write("A.g.cs", "line 1\nline 2\nline 3\n");
        Write("B.g.cs", "only\n");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Identical_output_passes()
    {
        Baseline.Verify(_root, Scenario, Generated(("A.g.cs", "line 1\nline 2\nline 3\n"), ("B.g.cs", "only\n")), update: false);
    }

    [Fact]
    public void A_changed_line_fails_with_the_file_name_and_both_versions_of_the_line()
    {
        var failure = Assert.Throws<FailException>(() =>
            Baseline.Verify(_root, Scenario, Generated(("A.g.cs", "line 1\nline two\nline 3\n"), ("B.g.cs", "only\n")), update: false));

        Assert.Contains("Baselines/Sample/A.g.cs", failure.Message);
        Assert.Contains("first difference at line 2", failure.Message);
        Assert.Contains("\n line 1\n", failure.Message);
        Assert.Contains("\n-line 2\n", failure.Message);
        Assert.Contains("\n+line two\n", failure.Message);
        Assert.DoesNotContain("B.g.cs", failure.Message);
        Assert.Contains(Baseline.UpdateVariable + "=1", failure.Message);
    }

    [Fact]
    public void A_carriage_return_is_a_difference_and_is_shown()
    {
        var failure = Assert.Throws<FailException>(() =>
            Baseline.Verify(_root, Scenario, Generated(("A.g.cs", "line 1\r\nline 2\r\nline 3\r\n"), ("B.g.cs", "only\n")), update: false));

        Assert.Contains("+line 1\\r", failure.Message);
    }

    [Fact]
    public void A_generated_file_without_a_baseline_fails()
    {
        var failure = Assert.Throws<FailException>(() =>
            Baseline.Verify(_root, Scenario, Generated(("A.g.cs", "line 1\nline 2\nline 3\n"), ("B.g.cs", "only\n"), ("C.g.cs", "new\n")), update: false));

        Assert.Contains("Baselines/Sample/C.g.cs: generated, but there is no baseline.", failure.Message);
    }

    [Fact]
    public void A_baseline_without_a_generated_file_fails()
    {
        var failure = Assert.Throws<FailException>(() =>
            Baseline.Verify(_root, Scenario, Generated(("A.g.cs", "line 1\nline 2\nline 3\n")), update: false));

        Assert.Contains("Baselines/Sample/B.g.cs: has a baseline, but the generator no longer produces it.", failure.Message);
    }

    [Fact]
    public void Updating_rewrites_changed_files_adds_new_ones_and_removes_stale_ones_and_fails_naming_them()
    {
        var failure = Assert.Throws<FailException>(() =>
            Baseline.Verify(_root, Scenario, Generated(("A.g.cs", "changed\n"), ("C.g.cs", "new\n")), update: true));

        Assert.Contains("Rewrote 3 baseline file(s)", failure.Message);
        Assert.Contains("-B.g.cs, A.g.cs, C.g.cs", failure.Message);
        Assert.Equal("changed\n", File.ReadAllText(Path.Combine(_root, Scenario, "A.g.cs")));
        Assert.Equal("new\n", File.ReadAllText(Path.Combine(_root, Scenario, "C.g.cs")));
        Assert.False(File.Exists(Path.Combine(_root, Scenario, "B.g.cs")));
        Baseline.Verify(_root, Scenario, Generated(("A.g.cs", "changed\n"), ("C.g.cs", "new\n")), update: false);
    }

    [Fact]
    public void Updating_with_nothing_to_change_passes()
    {
        Baseline.Verify(_root, Scenario, Generated(("A.g.cs", "line 1\nline 2\nline 3\n"), ("B.g.cs", "only\n")), update: true);
    }

    [Fact]
    public void Update_mode_under_CI_is_refused_and_leaves_the_baselines_alone()
    {
        var failure = Assert.Throws<FailException>(() =>
            Baseline.Verify(_root, Scenario, Generated(("A.g.cs", "changed\n")), update: true, underCi: true));

        Assert.Contains("under CI", failure.Message);
        Assert.Equal("line 1\nline 2\nline 3\n", File.ReadAllText(Path.Combine(_root, Scenario, "A.g.cs")));
        Assert.True(File.Exists(Path.Combine(_root, Scenario, "B.g.cs")));
    }

    private static List<(string HintName, string Text)> Generated(params (string HintName, string Text)[] files) => new(files);

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_root, Scenario, name), text);
}
