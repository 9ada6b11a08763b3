using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using CatchAll.Codegen.Diagnostics;
using CatchAll.Codegen.Model;
using Microsoft.OpenApi;

namespace CatchAll.Codegen.Parsing;

/// <summary>Finds the list operations that page (a <c>page</c> parameter, a page object with a count) and reads them into paging helpers.</summary>
internal sealed class PagerReader
{
    private const string PagesExtension = "x-catchall-pages";

    private readonly ParseContext _context;
    private readonly SpecDiagnostics _diagnostics;

    public PagerReader(ParseContext context)
    {
        _context = context;
        _diagnostics = context.Diagnostics;
    }

    /// <summary>
    /// A list operation pages when it takes a `page` query parameter and returns an object with one array and
    /// either `total_pages` or `total` with `page_size`: the helper walks pages lazily and yields the array's items.
    /// </summary>
    public EquatableArray<PagerModel> Read()
    {
        var pagers = new List<PagerModel>();
        foreach (var (resource, operation, source, pointer) in _context.Operations.Values)
        {
            if (!operation.Parameters.Any(p => p.WireName == "page" && p.Location == ParamLocation.Query && p.Type.Kind is TypeKind.Int32 or TypeKind.Int64)
                || operation.ResponseType is not { NamedKind: NamedKind.Object, Name: { } pageName } pageType)
            {
                continue;
            }

            var page = _context.Types.Object(pageName);
            var count = PageCountOf(page);
            var arrays = page.Properties.Where(p => p.Type.Kind == TypeKind.Array).ToList();
            if (source.Extensions is not null
                && source.Extensions.TryGetValue(PagesExtension, out var extension)
                && extension is JsonNodeExtension { Node: JsonObject block })
            {
                // Several arrays in a page: the spec says which one holds the items.
                var itemsJson = ExtensionBlock.Text(block, "items");
                arrays = arrays.Where(p => p.JsonName == itemsJson).ToList();
                if (arrays.Count != 1)
                {
                    _diagnostics.Report(DiagnosticIds.InvalidExtension, pointer + "/" + PagesExtension + "/items", $"'{itemsJson}' is not an array property of '{pageName}'");
                    continue;
                }
            }

            if (count is null || arrays.Count != 1)
            {
                continue;
            }

            pagers.Add(new PagerModel(
                resource,
                operation.MethodName,
                operation.MethodName.Substring(0, operation.MethodName.Length - "Async".Length) + "AllAsync",
                pageType,
                arrays[0].Type.Element!,
                arrays[0].Name,
                count));
        }

        return pagers.OrderBy(p => p.Resource + "." + p.MethodName, StringComparer.Ordinal).ToEquatableArray();
    }

    private static PageCountSource? PageCountOf(ObjectDecl page)
    {
        string? Integer(string jsonName) =>
            page.Properties.FirstOrDefault(p => p.JsonName == jsonName && p.Type.Kind is TypeKind.Int32 or TypeKind.Int64)?.Name;

        if (Integer("total_pages") is { } totalPages)
        {
            return new PageCountSource(totalPages, null, null);
        }

        return Integer("total") is { } total && Integer("page_size") is { } pageSize
            ? new PageCountSource(null, total, pageSize)
            : null;
    }
}
