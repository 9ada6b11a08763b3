using System.Collections.Generic;
using System.Text;

namespace CatchAll
{
    /// <summary>RFC 4180 rows: a field with a comma, quote, CR or LF is quoted and its quotes doubled; rows end in CRLF.</summary>
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
    }
}
