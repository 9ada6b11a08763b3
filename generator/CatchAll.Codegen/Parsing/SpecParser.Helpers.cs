using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using CatchAll.Codegen.Diagnostics;
using CatchAll.Codegen.Model;
using Microsoft.OpenApi;

namespace CatchAll.Codegen.Parsing;

internal sealed partial class SpecParser
{
    private const string WaitExtension = "x-catchall-wait";
    private const string PagesExtension = "x-catchall-pages";

    /// <summary>
    /// Polling helpers come from the spec, not from code: an x-catchall-wait block on a status
    /// operation names the status field and its terminal values.
    /// </summary>
    private EquatableArray<WaiterModel> BuildWaiters()
    {
        var waiters = new List<WaiterModel>();
        foreach (var (resource, operation, source, pointer) in _operations.Values)
        {
            if (source.Extensions is null || !source.Extensions.TryGetValue(WaitExtension, out var extension))
            {
                continue;
            }

            var extensionPointer = pointer + "/" + WaitExtension;
            if (extension is not JsonNodeExtension { Node: JsonObject block })
            {
                Report(DiagnosticIds.InvalidExtension, extensionPointer, $"{WaitExtension} must be a mapping");
                continue;
            }

            var waiter = BuildWaiter(resource, operation, block, extensionPointer);
            if (waiter is not null)
            {
                waiters.Add(waiter);
            }
        }

        return waiters.OrderBy(w => w.Resource + "." + w.MethodName, StringComparer.Ordinal).ToEquatableArray();
    }

    private WaiterModel? BuildWaiter(string resource, OperationModel operation, JsonObject block, string pointer)
    {
        var ids = operation.Parameters.Where(p => p.Location == ParamLocation.Path).ToList();
        if (ids.Count != 1 || operation.Parameters.Any(p => p.Required && p.Location != ParamLocation.Path))
        {
            Report(DiagnosticIds.InvalidExtension, pointer, $"{WaitExtension} needs an operation with exactly one path parameter and no other required parameter; '{operation.OperationId}' does not qualify");
            return null;
        }

        if (operation.ResponseType is not { NamedKind: NamedKind.Object, Name: { } resultName } resultType)
        {
            Report(DiagnosticIds.InvalidExtension, pointer, $"{WaitExtension} needs an operation that returns a JSON object; '{operation.OperationId}' does not");
            return null;
        }

        var statusJson = Text(block, "status-property");
        var status = ((ObjectDecl)_decls[resultName]).Properties.FirstOrDefault(p => p.JsonName == statusJson);
        if (status is null)
        {
            Report(DiagnosticIds.InvalidExtension, pointer + "/status-property", $"status-property '{statusJson}' is not a property of '{resultName}'");
            return null;
        }

        var success = Strings(block, "success");
        var failure = Strings(block, "failure");
        if (success.Count == 0)
        {
            Report(DiagnosticIds.InvalidExtension, pointer + "/success", $"{WaitExtension} needs at least one success value");
            return null;
        }

        var interval = 30;
        if (block["interval-seconds"] is { } intervalNode)
        {
            // The YAML reader hands a plain scalar over as a number or as text, depending on its version and style.
            var text = intervalNode is JsonValue v && v.TryGetValue<string>(out var s) ? s : intervalNode.ToJsonString();
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
            {
                interval = seconds;
            }
            else
            {
                Report(DiagnosticIds.InvalidExtension, pointer + "/interval-seconds", $"interval-seconds must be a positive whole number of seconds, not '{text}'");
            }
        }

        var starters = new List<StarterModel>();
        if (block["then-wait"] is JsonArray thenWait)
        {
            var index = 0;
            foreach (var node in thenWait)
            {
                var starterPointer = pointer + "/then-wait/" + index++;
                if (node is not JsonObject starter || Text(starter, "operation") is not { } starterId || Text(starter, "method") is not { } helper)
                {
                    Report(DiagnosticIds.InvalidExtension, starterPointer, "each then-wait entry needs 'operation' and 'method'");
                    continue;
                }

                if (!_operations.TryGetValue(starterId, out var start)
                    || start.Resource != resource
                    || start.Operation.BodyKind != BodyKind.Json
                    || start.Operation.ResponseType is not { NamedKind: NamedKind.Object, Name: { } startResult })
                {
                    Report(DiagnosticIds.InvalidExtension, starterPointer + "/operation", $"'{starterId}' must be an operation of the same resource with a JSON body and a JSON object response");
                    continue;
                }

                var idJson = Text(starter, "id-property") ?? ids[0].WireName;
                var idProperty = ((ObjectDecl)_decls[startResult]).Properties.FirstOrDefault(p => p.JsonName == idJson);
                if (idProperty is null || idProperty.Type.Kind != ids[0].Type.Kind)
                {
                    Report(DiagnosticIds.InvalidExtension, starterPointer + "/id-property", $"'{idJson}' is not a property of '{startResult}' of the same type as '{ids[0].WireName}'");
                    continue;
                }

                starters.Add(new StarterModel(Naming.Pascal(helper) + "Async", start.Operation.MethodName, start.Operation.BodyType!, start.Operation.ResponseType!, idProperty.Name));
            }
        }

        string? partialMethod = null;
        TypeRef? partialType = null;
        if (Text(block, "partial-operation") is { } partialId)
        {
            if (_operations.TryGetValue(partialId, out var partial)
                && partial.Resource == resource
                && partial.Operation.ResponseKind == ResponseKind.Json
                && partial.Operation.Parameters.Count(p => p.Required) == 1)
            {
                partialMethod = partial.Operation.MethodName;
                partialType = partial.Operation.ResponseType;
            }
            else
            {
                Report(DiagnosticIds.InvalidExtension, pointer + "/partial-operation", $"partial-operation '{partialId}' must name a JSON operation of the same resource that takes only the id");
            }
        }

        var method = Text(block, "method") ?? "WaitForCompletion";
        var exception = Text(block, "exception") ?? Naming.Pascal(resource) + "FailedException";
        return new WaiterModel(
            resource,
            Naming.Pascal(method) + "Async",
            operation.OperationId,
            operation.MethodName,
            ids[0].Name,
            ids[0].Type,
            resultType,
            status.Name,
            success.ToEquatableArray(),
            failure.ToEquatableArray(),
            interval,
            Naming.Pascal(exception),
            starters.ToEquatableArray(),
            partialMethod,
            partialType,
            Strings(block, "partial-status").ToEquatableArray());
    }

    /// <summary>
    /// A list operation pages when it takes a `page` query parameter and returns an object with one array and
    /// either `total_pages` or `total` with `page_size`: the helper walks pages lazily and yields the array's items.
    /// </summary>
    private EquatableArray<PagerModel> BuildPagers()
    {
        var pagers = new List<PagerModel>();
        foreach (var (resource, operation, source, pointer) in _operations.Values)
        {
            if (!operation.Parameters.Any(p => p.WireName == "page" && p.Location == ParamLocation.Query && p.Type.Kind is TypeKind.Int32 or TypeKind.Int64)
                || operation.ResponseType is not { NamedKind: NamedKind.Object, Name: { } pageName } pageType)
            {
                continue;
            }

            var page = (ObjectDecl)_decls[pageName];
            var count = PageCountOf(page);
            var arrays = page.Properties.Where(p => p.Type.Kind == TypeKind.Array).ToList();
            if (source.Extensions is not null
                && source.Extensions.TryGetValue(PagesExtension, out var extension)
                && extension is JsonNodeExtension { Node: JsonObject block })
            {
                // Several arrays in a page: the spec says which one holds the items.
                var itemsJson = Text(block, "items");
                arrays = arrays.Where(p => p.JsonName == itemsJson).ToList();
                if (arrays.Count != 1)
                {
                    Report(DiagnosticIds.InvalidExtension, pointer + "/" + PagesExtension + "/items", $"'{itemsJson}' is not an array property of '{pageName}'");
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

    private static string? Text(JsonObject block, string key) =>
        block[key] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    private static List<string> Strings(JsonObject block, string key)
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
