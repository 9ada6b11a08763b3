using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CatchAll.Codegen;

/// <summary>
/// Whether the consuming project can compile what the generator emits. Without this, a project on C# 10
/// or an older framework gets hundreds of compiler errors about generated code instead of one that says why.
/// </summary>
internal static class ConsumerSupport
{
    // Types the generated code uses that older frameworks lack; a polyfill in source or in a package counts.
    private static readonly string[] RequiredTypes =
    [
        "System.DateOnly",
        "System.TimeProvider",
        "System.Collections.Generic.IAsyncEnumerable`1",
        "System.Runtime.CompilerServices.RequiredMemberAttribute",
        "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute",
    ];

    /// <summary>What the project lacks, for the CATCH0012 message; <see langword="null"/> when it has everything.</summary>
    public static string? Problem(Compilation compilation)
    {
        var problems = new List<string>();
        if (compilation is CSharpCompilation { LanguageVersion: var version } && version < LanguageVersion.CSharp11)
        {
            problems.Add("compiles as C# " + version.ToDisplayString());
        }

        var missing = new List<string>();
        foreach (var name in RequiredTypes)
        {
            if (compilation.GetTypesByMetadataName(name).IsEmpty)
            {
                missing.Add(name.Replace("`1", "<T>"));
            }
        }

        if (missing.Count > 0)
        {
            problems.Add("has no " + string.Join(", ", missing));
        }

        return problems.Count == 0 ? null : string.Join(" and ", problems);
    }
}
