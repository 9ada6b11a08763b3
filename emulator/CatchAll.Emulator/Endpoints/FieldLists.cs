using System.Collections.Generic;
using System.Text.Json.Nodes;
using CatchAll.Emulator.Http;
using CatchAll.Emulator.Synthetic;

namespace CatchAll.Emulator.Endpoints;

internal static class FieldLists
{
    // The spec's enum omits boolean, but the service documents and returns boolean enrichments too.
    public static readonly string[] EnrichmentTypes = ["text", "number", "date", "option", "url", "company", "boolean"];

    /// <summary>Reads a validators (boolean only) or enrichments list; null when absent.</summary>
    public static List<FieldSuggestion>? Read(Fields body, string name, bool enrichments)
    {
        var array = body.List(name);
        if (array is null)
        {
            return null;
        }

        var result = new List<FieldSuggestion>();
        for (var i = 0; i < array.Count; i++)
        {
            var item = new Fields(array[i], body.Errors, body.Loc(name, i));
            if (!item.Valid)
            {
                continue;
            }

            var fieldName = item.String("name", required: true);
            var description = item.String("description", required: true);
            var type = enrichments ? item.Enum("type", EnrichmentTypes, required: true) : item.Enum("type", ["boolean"]) ?? "boolean";
            if (fieldName is not null && description is not null && type is not null)
            {
                result.Add(new FieldSuggestion(fieldName, description, type));
            }
        }

        return result;
    }

}
