using System.Collections.Generic;
using System.IO;
using System.Linq;
using CatchAll.Codegen.Diagnostics;
using CatchAll.Codegen.Model;

namespace CatchAll.Codegen.Parsing;

/// <summary>
/// The rules a spec's item metadata (Namespace, ClientName) must meet before and after its tags are read: each failure
/// is CATCH0002 (or CATCH0003 for an empty file) and stops the parse, because every generated name derives from them.
/// </summary>
internal static class MetadataRules
{
    /// <summary>Namespace and ClientName are C# names and the file has text; false (reported) when not.</summary>
    public static bool CheckMetadata(ParseContext context)
    {
        var input = context.Input;
        if (!IsIdentifierPath(input.Namespace))
        {
            context.Diagnostics.ReportAt(DiagnosticIds.InvalidMetadata, 1, 1, $"Namespace '{input.Namespace}' is not a valid C# namespace");
            return false;
        }

        if (!IsIdentifierPath(input.ClientName) || input.ClientName.Contains("."))
        {
            context.Diagnostics.ReportAt(DiagnosticIds.InvalidMetadata, 1, 1, $"ClientName '{input.ClientName}' is not a valid C# type name");
            return false;
        }

        if (string.IsNullOrWhiteSpace(input.Text))
        {
            context.Diagnostics.ReportAt(DiagnosticIds.EmptySpec, 1, 1, $"The spec '{Path.GetFileName(input.Path)}' is empty");
            return false;
        }

        return true;
    }

    /// <summary>
    /// The root client, its JSON class and the resource clients share one namespace, so no tag's client names may be
    /// ClientName's or a schema's; false (reported) at the first tag that collides.
    /// </summary>
    public static bool CheckResourceNames(ParseContext context, IEnumerable<ResourceModel> resources)
    {
        var clientName = context.Input.ClientName;
        foreach (var resource in resources.Select(r => r.Name))
        {
            var taken = new[] { resource + "Client", "I" + resource + "Client", resource + "ClientExtensions" };
            if (taken.Contains(clientName) || taken.Contains("I" + clientName) || taken.Contains(clientName + "Json") || context.Types.Components.Values.Any(c => c.Name is { } n && taken.Contains(n)))
            {
                context.Diagnostics.Report(DiagnosticIds.InvalidMetadata, "#/tags", $"The resource client names generated for tag '{resource}' ({string.Join(", ", taken)}) collide with ClientName '{clientName}' or a schema; choose another ClientName or rename the tag");
                return false;
            }
        }

        return true;
    }

    private static bool IsIdentifierPath(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (var part in name.Split('.'))
        {
            if (part.Length == 0 || Naming.IsKeyword(part) || !(char.IsLetter(part[0]) || part[0] == '_') || !part.All(c => char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
