using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace CatchAll.Codegen.Tests.Infrastructure;

/// <summary>A spec the snapshot and compile tests share.</summary>
internal sealed record Scenario(string Name, SpecFile Spec);

/// <summary>
/// The bundled contract plus small specs that each pin down one family of OpenAPI shapes. A run
/// is cached per scenario: snapshot and compile tests look at the same output, generated once.
/// </summary>
internal static class Scenarios
{
    public const string Bundled = "Bundled";

    private static readonly string[] Focused =
    {
        "Nullable", "Unions", "OpenEnums", "Patch", "Dictionaries", "Keywords", "AllOf", "FreeForm", "Formats", "Naming",
    };

    private static readonly ConcurrentDictionary<string, Lazy<GeneratorRun>> Runs = new(StringComparer.Ordinal);

    public static IEnumerable<object[]> Names => new[] { Bundled }.Concat(Focused).Select(n => new object[] { n });

    public static Scenario Get(string name)
    {
        if (name == Bundled)
        {
            // Empty metadata, as the targets write it when the item sets none: the defaults apply.
            return new Scenario(name, new SpecFile(RepoPaths.BundledSpec, File.ReadAllText(RepoPaths.BundledSpec), Namespace: string.Empty, ClientName: string.Empty));
        }

        Assert.Contains(name, Focused);
        var path = Path.Combine(RepoPaths.Specs, name + ".yaml");
        return new Scenario(name, new SpecFile(path, File.ReadAllText(path), Namespace: "Specs." + name, ClientName: name + "Api"));
    }

    public static GeneratorRun Run(string name) =>
        Runs.GetOrAdd(name, n => new Lazy<GeneratorRun>(() => GeneratorHarness.Run(Get(n).Spec))).Value;
}
