using System.Globalization;
using System.Text;

namespace CatchAll;

/// <summary>Text made safe for the declaration: doc-comment text and string literals.</summary>
public static partial class EnrichmentDeclaration
{
    /// <summary>Text for a one-line doc comment: XML-escaped, line breaks and other controls as spaces.</summary>
    private static string XmlText(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                default: builder.Append(char.IsControl(c) || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029' || c == '\u0085' ? ' ' : c); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>A regular C# string literal: quotes, backslashes, controls, line separators and lone surrogates escaped.</summary>
    private static string Literal(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    var pair = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
                    if (pair)
                    {
                        builder.Append(c).Append(value[++i]);
                    }
                    else if (char.IsControl(c) || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029' || c == '\u0085')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
