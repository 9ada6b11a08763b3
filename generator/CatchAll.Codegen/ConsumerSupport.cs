using System;
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

    /// <summary>
    /// A core library of .NET 8 or later, which holds every required type. Read from the reference's metadata,
    /// which the compiler has loaded anyway: no symbols are built for it, cold or while typing.
    /// </summary>
    public static bool IsModernCoreLibrary(MetadataReference reference)
    {
        if (reference is not PortableExecutableReference executable)
        {
            return false;
        }

        var name = FileName(executable.FilePath ?? executable.Display);
        if (!string.Equals(name, "System.Runtime.dll", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(name, "System.Private.CoreLib.dll", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            return executable.GetMetadata() is AssemblyMetadata assembly
                && assembly.GetModules() is { Length: > 0 } modules
                && modules[0].GetMetadataReader() is { IsAssembly: true } reader
                && reader.GetAssemblyDefinition().Version.Major >= 8;
        }
        catch (Exception ex) when (ex is BadImageFormatException or System.IO.IOException)
        {
            return false;
        }
    }

    /// <summary>The file name at the end of a reference's path or display string (either slash); empty for none.</summary>
    public static string FileName(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return string.Empty;
        }

        return path!.Substring(Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1);
    }

    /// <summary>What the project lacks, for the CATCH0012 message; <see langword="null"/> when it has everything.</summary>
    /// <param name="compilation">The consumer's compilation.</param>
    /// <param name="modernCoreLibrary">A reference passed <see cref="IsModernCoreLibrary"/>: no type needs looking up.</param>
    public static string? Problem(Compilation compilation, bool modernCoreLibrary)
    {
        var problems = new List<string>();
        if (compilation is CSharpCompilation { LanguageVersion: var version } && version < LanguageVersion.CSharp11)
        {
            problems.Add("compiles as C# " + version.ToDisplayString());
        }

        if (!modernCoreLibrary)
        {
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
        }

        return problems.Count == 0 ? null : string.Join(" and ", problems);
    }
}
