using System.Collections.Generic;

namespace CatchAll.Codegen.Parsing;

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
