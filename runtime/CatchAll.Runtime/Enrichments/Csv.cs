using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CatchAll;

/// <summary>
/// RFC 4180 rows: a field with a comma, quote, CR or LF is quoted and its quotes doubled; rows end in CRLF. A cell a
/// spreadsheet would run as a formula (text from web pages starting with =, +, -, @, tab or CR) gets a leading
/// apostrophe, as OWASP's CSV injection guidance says; a number such as -3.5 is left as it is.
/// </summary>
internal static class Csv
{
    public static string Line(IReadOnlyList<string?> cells)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            Append(builder, cells[i]);
        }

        return builder.Append("\r\n").ToString();
    }

    private static void Append(StringBuilder builder, string? cell)
    {
        if (string.IsNullOrEmpty(cell))
        {
            return;
        }

        if (IsFormula(cell!))
        {
            cell = "'" + cell;
        }

        if (cell!.IndexOfAny(Special) < 0)
        {
            builder.Append(cell);
            return;
        }

        builder.Append('"');
        foreach (var c in cell)
        {
            if (c == '"')
            {
                builder.Append('"');
            }

            builder.Append(c);
        }

        builder.Append('"');
    }

    private static readonly char[] Special = { ',', '"', '\r', '\n' };

    private static bool IsFormula(string cell) =>
        cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
        && !double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
