using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using CatchAll.Codegen.Diagnostics;
using CatchAll.Codegen.Model;
using Microsoft.OpenApi;

namespace CatchAll.Codegen.Parsing;

/// <summary>Reads x-catchall-wait blocks on status operations into polling helpers (<see cref="WaiterModel"/>).</summary>
internal sealed class WaiterReader
{
    private const string WaitExtension = "x-catchall-wait";

    private readonly ParseContext _context;
    private readonly SpecDiagnostics _diagnostics;

    public WaiterReader(ParseContext context)
    {
        _context = context;
        _diagnostics = context.Diagnostics;
    }

    /// <summary>
    /// Polling helpers come from the spec, not from code: an x-catchall-wait block on a status
    /// operation names the status field and its terminal values.
    /// </summary>
    public EquatableArray<WaiterModel> Read()
    {
        var waiters = new List<WaiterModel>();
        foreach (var (resource, operation, source, pointer) in _context.Operations.Values)
        {
            if (source.Extensions is null || !source.Extensions.TryGetValue(WaitExtension, out var extension))
            {
                continue;
            }

            var extensionPointer = pointer + "/" + WaitExtension;
            if (extension is not JsonNodeExtension { Node: JsonObject block })
            {
                _diagnostics.Report(DiagnosticIds.InvalidExtension, extensionPointer, $"{WaitExtension} must be a mapping");
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
            _diagnostics.Report(DiagnosticIds.InvalidExtension, pointer, $"{WaitExtension} needs an operation with exactly one path parameter and no other required parameter; '{operation.OperationId}' does not qualify");
            return null;
        }

        if (operation.ResponseType is not { NamedKind: NamedKind.Object, Name: { } resultName } resultType)
        {
            _diagnostics.Report(DiagnosticIds.InvalidExtension, pointer, $"{WaitExtension} needs an operation that returns a JSON object; '{operation.OperationId}' does not");
            return null;
        }

        var statusJson = ExtensionBlock.Text(block, "status-property");
        var status = _context.Types.Object(resultName).Properties.FirstOrDefault(p => p.JsonName == statusJson);
        if (status is null)
        {
            _diagnostics.Report(DiagnosticIds.InvalidExtension, pointer + "/status-property", $"status-property '{statusJson}' is not a property of '{resultName}'");
            return null;
        }

        var success = ExtensionBlock.Strings(block, "success");
        var failure = ExtensionBlock.Strings(block, "failure");
        if (success.Count == 0)
        {
            _diagnostics.Report(DiagnosticIds.InvalidExtension, pointer + "/success", $"{WaitExtension} needs at least one success value");
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
                _diagnostics.Report(DiagnosticIds.InvalidExtension, pointer + "/interval-seconds", $"interval-seconds must be a positive whole number of seconds, not '{text}'");
            }
        }

        var starters = new List<StarterModel>();
        if (block["then-wait"] is JsonArray thenWait)
        {
            var index = 0;
            foreach (var node in thenWait)
            {
                var starterPointer = pointer + "/then-wait/" + index++;
                if (node is not JsonObject starter || ExtensionBlock.Text(starter, "operation") is not { } starterId || ExtensionBlock.Text(starter, "method") is not { } helper)
                {
                    _diagnostics.Report(DiagnosticIds.InvalidExtension, starterPointer, "each then-wait entry needs 'operation' and 'method'");
                    continue;
                }

                if (!_context.Operations.TryGetValue(starterId, out var start)
                    || start.Resource != resource
                    || start.Operation.BodyKind != BodyKind.Json
                    || start.Operation.ResponseType is not { NamedKind: NamedKind.Object, Name: { } startResult })
                {
                    _diagnostics.Report(DiagnosticIds.InvalidExtension, starterPointer + "/operation", $"'{starterId}' must be an operation of the same resource with a JSON body and a JSON object response");
                    continue;
                }

                var idJson = ExtensionBlock.Text(starter, "id-property") ?? ids[0].WireName;
                var idProperty = _context.Types.Object(startResult).Properties.FirstOrDefault(p => p.JsonName == idJson);
                if (idProperty is null || idProperty.Type.Kind != ids[0].Type.Kind)
                {
                    _diagnostics.Report(DiagnosticIds.InvalidExtension, starterPointer + "/id-property", $"'{idJson}' is not a property of '{startResult}' of the same type as '{ids[0].WireName}'");
                    continue;
                }

                starters.Add(new StarterModel(Naming.Pascal(helper) + "Async", start.Operation.MethodName, start.Operation.BodyType!, start.Operation.ResponseType!, idProperty.Name));
            }
        }

        string? partialMethod = null;
        TypeRef? partialType = null;
        if (ExtensionBlock.Text(block, "partial-operation") is { } partialId)
        {
            if (_context.Operations.TryGetValue(partialId, out var partial)
                && partial.Resource == resource
                && partial.Operation.ResponseKind == ResponseKind.Json
                && partial.Operation.Parameters.Count(p => p.Required) == 1)
            {
                partialMethod = partial.Operation.MethodName;
                partialType = partial.Operation.ResponseType;
            }
            else
            {
                _diagnostics.Report(DiagnosticIds.InvalidExtension, pointer + "/partial-operation", $"partial-operation '{partialId}' must name a JSON operation of the same resource that takes only the id");
            }
        }

        var method = ExtensionBlock.Text(block, "method") ?? "WaitForCompletion";
        var exception = ExtensionBlock.Text(block, "exception") ?? Naming.Pascal(resource) + "FailedException";
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
            ExtensionBlock.Strings(block, "partial-status").ToEquatableArray());
    }
}
