using System;
using System.IO;
using System.Linq;
using CatchAll.Codegen.Tests.Infrastructure;
using Xunit;

namespace CatchAll.Codegen.Tests;

/// <summary>
/// The naming rules rename C# types, members and parameters only. Fixtures/bundled-wire-names.txt holds every wire
/// name of the bundled spec as the generator saw it before the rules existed (0.1); it must not change.
/// </summary>
public sealed class WireNameTests
{
    private static string Fixture => Path.Combine(RepoPaths.TestProject, "Fixtures", "bundled-wire-names.txt");

    [Fact]
    public void Every_wire_name_of_the_bundled_spec_is_what_it_was_before_the_naming_rules()
    {
        var now = WireNames.Of(WireNames.Parse(File.ReadAllText(RepoPaths.BundledSpec)));
        if (Environment.GetEnvironmentVariable("CATCHALL_WRITE_WIRE_NAMES") == "1")
        {
            File.WriteAllText(Fixture, string.Join("\n", now) + "\n");
        }

        var before = File.ReadAllText(Fixture).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(before.Length > 300, "The fixture looks truncated: " + before.Length + " lines.");
        Assert.Equal(before, now.ToArray());
    }
}
