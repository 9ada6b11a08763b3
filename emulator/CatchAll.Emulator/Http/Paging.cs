using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace CatchAll.Emulator.Http;

internal static class Paging
{
    public static int TotalPages(int total, int pageSize) => total == 0 ? 0 : (total + pageSize - 1) / pageSize;

    /// <summary>Builds the usual total/page/page_size[/total_pages] envelope around one page of items.</summary>
    public static JsonObject Envelope<T>(IReadOnlyList<T> all, int page, int pageSize, string itemsName, Func<T, JsonNode> map, bool withTotalPages = true)
    {
        var items = new JsonArray();
        var start = (long)(page - 1) * pageSize;
        for (var i = start; i < all.Count && i < start + pageSize; i++)
        {
            items.Add(map(all[(int)i]));
        }

        var result = new JsonObject
        {
            ["total"] = all.Count,
            ["page"] = page,
            ["page_size"] = pageSize,
        };
        if (withTotalPages)
        {
            result["total_pages"] = TotalPages(all.Count, pageSize);
        }

        result[itemsName] = items;
        return result;
    }
}
