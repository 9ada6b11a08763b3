using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using CatchAll.Codegen.Model;
using Microsoft.OpenApi;

namespace CatchAll.Codegen.Parsing;

internal sealed partial class SpecParser
{
    private const string WaitExtension = "x-catchall-wait";

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
                Report("CATCH0010", extensionPointer, $"{WaitExtension} must be a mapping");
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
            Report("CATCH0010", pointer, $"{WaitExtension} needs an operation with exactly one path parameter and no other required parameter; '{operation.OperationId}' does not qualify");
            return null;
        }

        if (operation.ResponseType is not { NamedKind: NamedKind.Object, Name: { } resultName } resultType)
        {
            Report("CATCH0010", pointer, $"{WaitExtension} needs an operation that returns a JSON object; '{operation.OperationId}' does not");
            return null;
        }

        var statusJson = Text(block, "status-property");
        var status = _decls[resultName].Properties.FirstOrDefault(p => p.JsonName == statusJson);
        if (status is null)
        {
            Report("CATCH0010", pointer + "/status-property", $"status-property '{statusJson}' is not a property of '{resultName}'");
            return null;
        }

        var success = Strings(block, "success");
        var failure = Strings(block, "failure");
        if (success.Count == 0)
        {
            Report("CATCH0010", pointer + "/success", $"{WaitExtension} needs at least one success value");
            return null;
        }

        var interval = 30;
        if (block["interval-seconds"] is JsonValue intervalValue && intervalValue.TryGetValue<int>(out var seconds) && seconds > 0)
        {
            interval = seconds;
        }

        string? submitMethod = null;
        TypeRef? submitRequest = null;
        string? submitId = null;
        if (Text(block, "submit-operation") is { } submitId0)
        {
            if (!_operations.TryGetValue(submitId0, out var submit) || submit.Operation.BodyKind != BodyKind.Json || submit.Operation.ResponseType is not { NamedKind: NamedKind.Object, Name: { } submitResult })
            {
                Report("CATCH0010", pointer + "/submit-operation", $"submit-operation '{submitId0}' must name an operation with a JSON body and a JSON object response");
            }
            else
            {
                var idJson = Text(block, "submit-id-property") ?? ids[0].WireName;
                var idProperty = _decls[submitResult].Properties.FirstOrDefault(p => p.JsonName == idJson);
                if (idProperty is null)
                {
                    Report("CATCH0010", pointer + "/submit-id-property", $"'{idJson}' is not a property of '{submitResult}'");
                }
                else
                {
                    submitMethod = submit.Operation.MethodName;
                    submitRequest = submit.Operation.BodyType;
                    submitId = idProperty.Name;
                }
            }
        }

        string? partialMethod = null;
        if (Text(block, "partial-operation") is { } partialId)
        {
            if (_operations.TryGetValue(partialId, out var partial) && partial.Resource == resource)
            {
                partialMethod = partial.Operation.MethodName;
            }
            else
            {
                Report("CATCH0010", pointer + "/partial-operation", $"partial-operation '{partialId}' must name an operation of the same resource");
            }
        }

        var method = Text(block, "method") ?? "WaitForCompletion";
        var exception = Text(block, "exception") ?? Naming.Pascal(resource) + "FailedException";
        return new WaiterModel(
            resource,
            Naming.Pascal(method) + "Async",
            operation.MethodName,
            resource,
            ids[0].Name,
            ids[0].Type,
            resultType,
            status.Name,
            status.Type,
            success.ToEquatableArray(),
            failure.ToEquatableArray(),
            interval,
            Naming.Pascal(exception),
            submitMethod,
            submitRequest,
            submitId,
            partialMethod);
    }

    /// <summary>
    /// A list operation pages when it takes a `page` query parameter and returns an object with
    /// `total_pages` and one array: the helper walks pages lazily and yields the array's items.
    /// </summary>
    private EquatableArray<PagerModel> BuildPagers()
    {
        var pagers = new List<PagerModel>();
        foreach (var (resource, operation, _, _) in _operations.Values)
        {
            if (!operation.Parameters.Any(p => p.WireName == "page" && p.Location == ParamLocation.Query && p.Type.Kind is TypeKind.Int32 or TypeKind.Int64)
                || operation.ResponseType is not { NamedKind: NamedKind.Object, Name: { } pageName } pageType)
            {
                continue;
            }

            var page = _decls[pageName];
            var total = page.Properties.FirstOrDefault(p => p.JsonName == "total_pages" && p.Type.Kind is TypeKind.Int32 or TypeKind.Int64);
            var arrays = page.Properties.Where(p => p.Type.Kind == TypeKind.Array).ToList();
            if (total is null || arrays.Count != 1)
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
                total.Name));
        }

        return pagers.OrderBy(p => p.Resource + "." + p.MethodName, StringComparer.Ordinal).ToEquatableArray();
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
