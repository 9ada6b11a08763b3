using System;
using System.IO;

namespace CatchAll.Client.Tests.Support;

/// <summary>Finds the repository from the test output folder, so the tests read the same spec the generator reads.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RepoRoot => Root.Value;

    public static string Spec => Path.Combine(RepoRoot, "openapi", "catchall.yaml");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CatchAll.Codegen.sln"))
                || File.Exists(Path.Combine(dir.FullName, "openapi", "catchall.yaml")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No folder above " + AppContext.BaseDirectory + " holds CatchAll.Codegen.sln or openapi/catchall.yaml.");
    }
}
