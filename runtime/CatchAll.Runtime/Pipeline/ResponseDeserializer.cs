using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CatchAll.Runtime;

/// <summary>
/// Turns a success body into the expected type, or into a <see cref="CatchAllSerializationException"/> that says
/// where (JSON path, line and byte) and why it could not.
/// </summary>
internal static class ResponseDeserializer
{
    public static T Deserialize<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> typeInfo, string operationId, int statusCode)
    {
        if (json.Length >= 3 && json[0] == 0xEF && json[1] == 0xBB && json[2] == 0xBF)
        {
            json = json.Slice(3);
        }

        if (IsBlank(json))
        {
            throw new CatchAllSerializationException(
                operationId,
                string.Format(CultureInfo.InvariantCulture, "{0} returned HTTP {1} with an empty body where {2} JSON was expected.", operationId, statusCode, typeInfo.Type.Name));
        }

        try
        {
            return JsonSerializer.Deserialize(json, typeInfo)!;
        }
        catch (JsonException ex)
        {
            var at = ex.Path ?? "$";
            var line = ex.LineNumber;
            var byteInLine = ex.BytePositionInLine;
            if (line is null && JsonErrorPosition.ByteOffset(ex) is long offset)
            {
                (line, byteInLine) = JsonErrorPosition.LineAndByte(json, offset);
            }

            // A position nobody recorded is left out rather than shown as "line 1, byte 0".
            var position = line is long knownLine
                ? string.Format(CultureInfo.InvariantCulture, " (line {0}, byte {1})", knownLine + 1, byteInLine ?? 0)
                : string.Empty;
            throw new CatchAllSerializationException(
                operationId,
                string.Format(
                    CultureInfo.InvariantCulture,
                    "{0} returned a body that could not be read as {1} at {2}{3}: {4}",
                    operationId,
                    typeInfo.Type.Name,
                    at,
                    position,
                    ex.Message),
                ex.Path,
                line,
                ex);
        }
        catch (NotSupportedException ex)
        {
            throw new CatchAllSerializationException(
                operationId,
                string.Format(CultureInfo.InvariantCulture, "{0} returned a body that {1} cannot be read into: {2}", operationId, typeInfo.Type.Name, ex.Message),
                innerException: ex);
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> json)
    {
        foreach (var b in json)
        {
            if (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\r' && b != (byte)'\n')
            {
                return false;
            }
        }

        return true;
    }
}
