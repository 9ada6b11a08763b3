using System.Text.Json.Nodes;

namespace CatchAll.Emulator.Http;

internal static class JsonArrayExtensions
{
    /// <summary>Adds a node without going through the generic (reflection-based) JsonArray.Add&lt;T&gt;.</summary>
    public static void Push(this JsonArray array, JsonNode? node) => array.Add(node);
}
