using System.IO;
using Shared = CatchAll.TestSupport.RepoPaths;

namespace CatchAll.Codegen.Tests.Infrastructure;

/// <summary>
/// The generator suite's folders in the source tree, under the root the shared test support finds. Baselines are
/// read from (and, on request, written back to) the source tree, never the output folder, so an update lands where
/// git sees it.
/// </summary>
internal static class RepoPaths
{
    public static string RepoRoot => Shared.RepoRoot;

    public static string BundledSpec => Shared.BundledSpec;

    public static string TestProject => Path.Combine(RepoRoot, "tests", "CatchAll.Codegen.Tests");

    public static string Specs => Path.Combine(TestProject, "Specs");

    public static string Baselines => Path.Combine(TestProject, "Baselines");
}
