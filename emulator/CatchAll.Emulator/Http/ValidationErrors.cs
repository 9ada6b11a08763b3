using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace CatchAll.Emulator.Http;

/// <summary>Collects request errors in the shape FastAPI/pydantic reports them: loc, msg, type.</summary>
internal sealed class ValidationErrors
{
    private readonly List<Item> _items = [];

    public bool Any => _items.Count > 0;

    public IReadOnlyList<Item> Items => _items;

    public void Add(string type, string message, params object[] loc) => _items.Add(new Item(type, message, loc));

    public JsonObject ToBody()
    {
        var detail = new JsonArray();
        foreach (var item in _items)
        {
            var loc = new JsonArray();
            foreach (var part in item.Loc)
            {
                loc.Push(part is int index ? JsonValue.Create(index) : JsonValue.Create(part.ToString()));
            }

            detail.Push(new JsonObject { ["loc"] = loc, ["msg"] = item.Message, ["type"] = item.Type });
        }

        return new JsonObject { ["detail"] = detail };
    }

    internal sealed record Item(string Type, string Message, object[] Loc);
}
