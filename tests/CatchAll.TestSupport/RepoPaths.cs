using System;
using System.IO;

namespace CatchAll.TestSupport;

/// <summary>
/// Finds the repository from a test's output folder, and the shared reference material beside it. The reference
/// material is not part of the repository: a clean clone has none, and the tests that read it skip.
/// </summary>
public static class RepoPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The repository root (the folder holding CatchAll.Codegen.sln or openapi/catchall.yaml).</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>Our own rendering of the contract, the one the generator bundles.</summary>
    public static string BundledSpec => Path.Combine(RepoRoot, "openapi", "catchall.yaml");

    /// <summary>The shared folder beside the repository (<c>../shared</c>); it may be absent.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    /// <summary>The vendor's 1.6.1 spec in the shared reference material; it may be absent.</summary>
    public static string ReferenceSpec => Path.Combine(Shared, "reference", "catchall-openapi-1.6.1.yml");

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
