using System.Collections.Generic;
using System.IO;
using System.Linq;
using CatchAll.Codegen.Tests.Infrastructure;
using Xunit;

namespace CatchAll.Codegen.Tests;

/// <summary>
/// Public OpenAPI documents that nobody on this project wrote (../shared/spec-corpus beside the
/// repository): each generates with CATCH warnings at most and compiles with every C# warning as
/// an error. Skips where the folder is absent.
/// </summary>
public sealed class CorpusTests
{
    private const string Absent = "(corpus absent)";

    public static string CorpusFolder => Path.GetFullPath(Path.Combine(RepoPaths.RepoRoot, "..", "shared", "spec-corpus"));

    /// <summary>The corpus documents' file names in ordinal order; none where the folder is absent.</summary>
    public static List<string> Files() => Directory.Exists(CorpusFolder)
        ? Directory.GetFiles(CorpusFolder).Where(f => f.EndsWith(".yaml") || f.EndsWith(".yml") || f.EndsWith(".json")).Select(f => Path.GetFileName(f)).OrderBy(f => f, System.StringComparer.Ordinal).ToList()
        : new List<string>();

    public static IEnumerable<object[]> Documents()
    {
        var files = Files();
        return files.Count == 0 ? new[] { new object[] { Absent } } : files.Select(f => new object[] { f });
    }

    [SkippableTheory]
    [MemberData(nameof(Documents))]
    public void Corpus_document_generates_and_compiles(string file)
    {
        Skip.If(file == Absent, "The spec corpus is not at " + CorpusFolder);
        var path = Path.Combine(CorpusFolder, file);
        var name = Naming(file);
        SpecCompile.AssertGeneratesAndCompiles(new SpecFile(path, File.ReadAllText(path), "Corpus." + name, name + "Api"));
    }

    internal static string Naming(string file) =>
        string.Concat(Path.GetFileNameWithoutExtension(file).Split('-', '.', '_').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));
}
