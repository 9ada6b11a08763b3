using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CatchAll;

/// <summary>Names in the declaration: wire names, property and type identifiers, and the ones that are taken.</summary>
public static partial class EnrichmentDeclaration
{
    // Names the generated file refers to by their short form (usings) or adds to the type: a type or member of the same name would capture them.
    private static readonly HashSet<string> ReservedTypeNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "CatchAllEnrichments", "CatchAllEnrichmentsAttribute", "Enrichment", "EnrichmentAttribute", "CompanyEnrichmentOutput",
        "DateOnly", "DateTime", "Uri", "System", "CatchAll",
    };

    private static readonly HashSet<string> ReservedMembers = new HashSet<string>(StringComparer.Ordinal)
    {
        "Enrichments", "EnrichmentSet", "CatchAllEnrichmentSet", "CatchAllRegisterEnrichmentSet", "EqualityContract", "Equals", "GetHashCode", "ToString", "PrintMembers", "Deconstruct", "GetType", "MemberwiseClone", "Finalize",
    };

    private static readonly HashSet<string> Keywords = new HashSet<string>(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue", "decimal", "default",
        "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto",
        "if", "implicit", "in", "int", "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out",
        "override", "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc",
        "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>The name the service receives: the suggested one when it is snake_case, else its snake_case form.</summary>
    private static string WireName(string name)
    {
        if (IsWireName(name))
        {
            return name;
        }

        var builder = new StringBuilder();
        var snake = SnakeCase(name);
        if (snake is not null)
        {
            builder.Append(snake);
        }
        else
        {
            foreach (var c in name ?? string.Empty)
            {
                builder.Append(c < 128 && char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_');
            }
        }

        var text = builder.ToString();
        while (text.Contains("__"))
        {
            text = text.Replace("__", "_");
        }

        text = text.Trim('_');
        if (text.Length == 0)
        {
            text = "field";
        }
        else if (text[0] < 'a' || text[0] > 'z')
        {
            text = "f_" + text;
        }

        return text;
    }

    private static string Property(string pascal)
    {
        if (pascal.Length == 0)
        {
            return "Field";
        }

        return char.IsDigit(pascal[0]) ? "F" + pascal : pascal;
    }

    private static string Pascal(string wire)
    {
        var builder = new StringBuilder(wire.Length);
        var upper = true;
        foreach (var c in wire)
        {
            if (c >= 128 || !char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = char.IsDigit(c);
        }

        return builder.ToString();
    }

    private static string Unique(string name, HashSet<string> used, string separator)
    {
        var candidate = name;
        for (var i = 2; !used.Add(candidate); i++)
        {
            candidate = name + separator + i.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    /// <summary>A company's wire name whose CSV confidence column (<c>name_confidence</c>) is free as well; both are taken.</summary>
    private static string UniqueCompany(string name, HashSet<string> used)
    {
        var candidate = name;
        for (var i = 2; used.Contains(candidate) || used.Contains(candidate + "_confidence"); i++)
        {
            candidate = name + "_" + i.ToString(CultureInfo.InvariantCulture);
        }

        used.Add(candidate);
        used.Add(candidate + "_confidence");
        return candidate;
    }

    private static string? SnakeCase(string name) => global::CatchAll.Enrichments.EnrichmentWireName.SnakeCase(name);

    private static bool IsWireName(string? name) => global::CatchAll.Enrichments.EnrichmentWireName.IsWireName(name);

    private static string TypeIdentifier(string typeName)
    {
        var id = Identifier(typeName, nameof(typeName));
        if (ReservedTypeNames.Contains(Bare(id)))
        {
            throw new ArgumentException($"'{typeName}' would hide a type the declaration uses; choose another name.", nameof(typeName));
        }

        return id;
    }

    private static string DottedName(string name, string parameter)
    {
        var parts = name.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = Identifier(parts[i], parameter);
        }

        return string.Join(".", parts);
    }

    private static string Identifier(string name, string parameter)
    {
        var bare = name is not null && name.StartsWith("@", StringComparison.Ordinal) ? name.Substring(1) : name;
        if (bare is null || bare.Length == 0 || !(char.IsLetter(bare[0]) || bare[0] == '_'))
        {
            throw new ArgumentException($"'{name}' is not a C# identifier.", parameter);
        }

        foreach (var c in bare)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                throw new ArgumentException($"'{name}' is not a C# identifier.", parameter);
            }
        }

        return Keywords.Contains(bare) ? "@" + bare : bare;
    }

    private static string Bare(string identifier) => identifier.StartsWith("@", StringComparison.Ordinal) ? identifier.Substring(1) : identifier;
}
