using System;
using System.Text.Json;

namespace CatchAll.Runtime;

/// <summary>
/// Where in a body a generated converter failed. Converters that report the JSON path themselves set
/// <see cref="JsonException.Path"/>, so System.Text.Json adds no line or byte; they record the reader's absolute
/// byte offset in <see cref="Exception.Data"/> under <see cref="ByteOffsetKey"/> instead, and this turns it back
/// into a line and a byte within it.
/// </summary>
internal static class JsonErrorPosition
{
    public const string ByteOffsetKey = "CatchAll.JsonByteOffset";

    public static long? ByteOffset(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current.Data.Contains(ByteOffsetKey) && current.Data[ByteOffsetKey] is long offset && offset >= 0)
            {
                return offset;
            }
        }

        return null;
    }

    public static (long Line, long ByteInLine) LineAndByte(ReadOnlySpan<byte> json, long offset)
    {
        var end = (int)Math.Min(offset, json.Length);
        long line = 0;
        var lineStart = 0;
        for (var i = 0; i < end; i++)
        {
            if (json[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, end - lineStart);
    }
}
