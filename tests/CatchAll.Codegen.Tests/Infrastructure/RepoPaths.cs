using System;
using System.IO;

namespace CatchAll.Codegen.Tests.Infrastructure;

/// <summary>
/// Finds the source tree from the test's output folder. Baselines are read from (and, on request,
/// written back to) the source tree, never the output folder, so an update lands where git sees it.
/// </summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RepoRoot => Root.Value;

    public static string BundledSpec => Path.Combine(RepoRoot, "openapi", "catchall.yaml");

    public static string TestProject => Path.Combine(RepoRoot, "tests", "CatchAll.Codegen.Tests");

    public static string Specs => Path.Combine(TestProject, "Specs");

    public static string Baselines => Path.Combine(TestProject, "Baselines");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "openapi", "catchall.yaml"))
                && Directory.Exists(Path.Combine(dir.FullName, "tests", "CatchAll.Codegen.Tests")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No folder above " + AppContext.BaseDirectory + " holds openapi/catchall.yaml and tests/CatchAll.Codegen.Tests.");
    }
}
