using System;
using System.IO;

namespace CatchAll.Spec.Tests;

/// <summary>Locates the repository and the shared reference material from the test's output folder.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>Repository root (the folder holding CatchAll.Codegen.sln or openapi/catchall.yaml).</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>Our own rendering of the contract.</summary>
    public static string OurSpec => Path.Combine(RepoRoot, "openapi", "catchall.yaml");

    /// <summary>The vendor's 1.6.1 spec; it lives beside the repository, not in it, and may be absent.</summary>
    public static string ReferenceSpec =>
        Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "reference", "catchall-openapi-1.6.1.yml"));

    public static bool ReferenceAvailable => File.Exists(ReferenceSpec);

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

        throw new DirectoryNotFoundException(
            "No folder above " + AppContext.BaseDirectory + " holds CatchAll.Codegen.sln or openapi/catchall.yaml.");
    }
}
