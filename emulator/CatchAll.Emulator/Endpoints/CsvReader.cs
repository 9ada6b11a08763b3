using System.Collections.Generic;
using System.Text;

namespace CatchAll.Emulator.Endpoints;

/// <summary>A small RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF line ends.</summary>
internal static class CsvReader
{
    /// <summary>Rows with the 1-based line each starts on.</summary>
    public static List<(int Line, List<string> Fields)> Read(string text)
    {
        var rows = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var rowStart = 1;
        var fieldStarted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    fieldStarted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRow();
                    line++;
                    rowStart = line;
                    break;
                default:
                    field.Append(c);
                    fieldStarted = true;
                    break;
            }
        }

        EndRow();
        return rows;

        void EndRow()
        {
            if (fieldStarted || field.Length > 0 || fields.Count > 0)
            {
                fields.Add(field.ToString());
                rows.Add((rowStart, fields));
            }

            fields = [];
            field.Clear();
            fieldStarted = false;
        }
    }
}
