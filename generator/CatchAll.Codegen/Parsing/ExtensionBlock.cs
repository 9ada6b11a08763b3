using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace CatchAll.Codegen.Parsing;

/// <summary>Reads the values of an x-catchall extension's mapping: a non-blank string, or a string or list of strings.</summary>
internal static class ExtensionBlock
{
    public static string? Text(JsonObject block, string key) =>
        block[key] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    public static List<string> Strings(JsonObject block, string key)
    {
        var result = new List<string>();
        if (block[key] is JsonArray array)
        {
            foreach (var item in array)
            {
                if (item is JsonValue value && value.TryGetValue<string>(out var text))
                {
                    result.Add(text);
                }
            }
        }
        else if (Text(block, key) is { } single)
        {
            result.Add(single);
        }

        return result;
    }
}
