using System.Collections.Generic;
using System.Text;

namespace CatchAll.Codegen.Parsing;

/// <summary>Turns wire names into C# identifiers.</summary>
internal static class Naming
{
    private static readonly HashSet<string> Keywords = new()
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    public static bool IsKeyword(string name) => Keywords.Contains(name);

    /// <summary>
    /// PascalCase of a snake_case, kebab-case, camelCase or spaced name: word starts are
    /// upper-cased and separators dropped; existing capitals are kept (uploadCSV -> UploadCSV).
    /// </summary>
    public static string Pascal(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var segment in name.Split(Separators(name), System.StringSplitOptions.RemoveEmptyEntries))
        {
            // A shouted word (GET, PENDING_REVIEW) reads as a word: Get, PendingReview. Mixed
            // case (uploadCSVToDataset) is kept as written.
            var word = segment.Length > 1 && IsAllUpper(segment) ? segment.Substring(0, 1) + segment.Substring(1).ToLowerInvariant() : segment;
            builder.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
        }

        if (builder.Length == 0)
        {
            return "Value";
        }

        if (char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    private static char[] Separators(string name)
    {
        var separators = new List<char>();
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c) && !separators.Contains(c))
            {
                separators.Add(c);
            }
        }

        return separators.ToArray();
    }

    private static bool IsAllUpper(string segment)
    {
        var letters = 0;
        foreach (var c in segment)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            if (char.IsLetter(c))
            {
                letters++;
            }
        }

        return letters > 0;
    }

    /// <summary>camelCase for parameters and locals, escaped with @ when it is a keyword.</summary>
    public static string Camel(string name)
    {
        var pascal = Pascal(name);
        if (pascal[0] == '_')
        {
            return pascal;
        }

        var camel = char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return Keywords.Contains(camel) ? "@" + camel : camel;
    }

    /// <summary>Splits a PascalCase identifier into its words.</summary>
    public static List<string> Words(string pascal)
    {
        var words = new List<string>();
        var start = 0;
        for (var i = 1; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && !char.IsUpper(pascal[i - 1]))
            {
                words.Add(pascal.Substring(start, i - start));
                start = i;
            }
        }

        words.Add(pascal.Substring(start));
        return words;
    }
}

/// <summary>Hands out names unique within one scope by appending 2, 3, ... on collision.</summary>
internal sealed class UniqueNameBuilder
{
    private readonly HashSet<string> _used;

    public UniqueNameBuilder(IEnumerable<string>? reserved = null, bool ignoreCase = false)
    {
        var comparer = ignoreCase ? System.StringComparer.OrdinalIgnoreCase : System.StringComparer.Ordinal;
        _used = reserved is null ? new HashSet<string>(comparer) : new HashSet<string>(reserved, comparer);
    }

    public bool IsUsed(string name) => _used.Contains(name);

    public string Reserve(string name)
    {
        var candidate = name;
        for (var i = 2; !_used.Add(candidate); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
