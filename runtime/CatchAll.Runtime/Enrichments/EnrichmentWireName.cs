using System.Text;

namespace CatchAll.Enrichments;

/// <summary>
/// How a C# property name becomes an enrichment's wire name. The generator compiles this same file (linked in its
/// csproj), so the name the generated reader looks for and the name <see cref="EnrichmentDeclaration"/> predicts
/// cannot drift apart.
/// </summary>
internal static class EnrichmentWireName
{
    /// <summary>snake_case of a C# name ("InvesteeCompany" → "investee_company", "HTTPStatus" → "http_status"); null when it has other than ASCII letters, digits and underscores.</summary>
    public static string? SnakeCase(string? name)
    {
        if (name is null)
        {
            return null;
        }

        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c > 127 || !(char.IsLetterOrDigit(c) || c == '_'))
            {
                return null;
            }

            if (char.IsUpper(c) && i > 0)
            {
                var previous = name[i - 1];
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                {
                    builder.Append('_');
                }
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        var collapsed = builder.ToString();
        while (collapsed.Contains("__"))
        {
            collapsed = collapsed.Replace("__", "_");
        }

        collapsed = collapsed.Trim('_');
        return IsWireName(collapsed) ? collapsed : null;
    }

    /// <summary>A name the service takes as it is: lower-case ASCII letters, digits and single underscores, starting with a letter.</summary>
    public static bool IsWireName(string? name)
    {
        if (name is null || name.Length == 0 || name[0] < 'a' || name[0] > 'z' || name[name.Length - 1] == '_' || name.Contains("__"))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
