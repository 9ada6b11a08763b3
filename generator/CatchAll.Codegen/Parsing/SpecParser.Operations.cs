using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using CatchAll.Codegen.Diagnostics;
using CatchAll.Codegen.Model;
using Microsoft.OpenApi;

namespace CatchAll.Codegen.Parsing;

internal sealed partial class SpecParser
{
    private static readonly string[] MethodOrder = { "GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE" };

    private readonly Dictionary<string, (string Resource, OperationModel Operation, OpenApiOperation Source, string Pointer)> _operations = new(StringComparer.Ordinal);

    private SpecModel? BuildModel(OpenApiDocument document)
    {
        // Type names become hint names, and those must differ in more than case.
        _typeNames = new UniqueNameBuilder(new[] { _input.ClientName, "I" + _input.ClientName, _input.ClientName + "Json", "JsonConverter" }, ignoreCase: true);
        DeclareComponents(document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>());
        if (_diagnostics.Any(d => d.Id == DiagnosticIds.InvalidSpec))
        {
            return null;
        }

        foreach (var id in _components.Keys.ToList())
        {
            ResolveComponent(id, _components[id].Pointer);
        }

        var resources = new Dictionary<string, List<OperationModel>>(StringComparer.Ordinal);
        var resourceOrder = new List<string>();
        var descriptions = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is not null)
            {
                descriptions[Naming.Pascal(tag.Name)] = tag.Description;
            }
        }

        var methodNames = new Dictionary<string, UniqueNameBuilder>(StringComparer.Ordinal);
        var patchBodies = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in document.Paths ?? new OpenApiPaths())
        {
            if (path.Value.Operations is null)
            {
                continue;
            }

            foreach (var entry in path.Value.Operations.OrderBy(o => Array.IndexOf(MethodOrder, o.Key.Method.ToUpperInvariant())))
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var method = entry.Key.Method.ToUpperInvariant();
                var pointer = Pointer("paths", path.Key, method.ToLowerInvariant());
                var resource = Naming.Pascal(entry.Value.Tags?.FirstOrDefault()?.Name ?? "Default");
                if (!resources.TryGetValue(resource, out var list))
                {
                    resources[resource] = list = new List<OperationModel>();
                    resourceOrder.Add(resource);
                    methodNames[resource] = new UniqueNameBuilder(new[] { resource + "Client" });
                }

                var operation = BuildOperation(path.Key, method, path.Value, entry.Value, pointer, methodNames[resource]);
                list.Add(operation);
                _operations[operation.OperationId] = (resource, operation, entry.Value, pointer);
                if (method == "PATCH" && operation.BodyType is { NamedKind: NamedKind.Object, Name: { } bodyName })
                {
                    patchBodies.Add(bodyName);
                }
            }
        }

        DeclareWebhookPayloads(document);

        // The root client, its JSON class and the resource clients share one namespace.
        foreach (var resource in resourceOrder)
        {
            var taken = new[] { resource + "Client", "I" + resource + "Client", resource + "ClientExtensions" };
            if (taken.Contains(_input.ClientName) || taken.Contains("I" + _input.ClientName) || taken.Contains(_input.ClientName + "Json") || _components.Values.Any(c => c.Name is { } n && taken.Contains(n)))
            {
                Report(DiagnosticIds.InvalidMetadata, "#/tags", $"The resource client names generated for tag '{resource}' ({string.Join(", ", taken)}) collide with ClientName '{_input.ClientName}' or a schema; choose another ClientName or rename the tag");
                return null;
            }
        }

        foreach (var name in patchBodies)
        {
            _decls[name] = (ObjectDecl)_decls[name] with { IsPatchRequest = true };
        }

        var waiters = BuildWaiters();
        var pagers = BuildPagers();
        var server = document.Servers?.FirstOrDefault()?.Url ?? "http://localhost";
        return ApplyNamingRules(new SpecModel(
            _input.Namespace,
            _input.ClientName,
            document.Info?.Title ?? "API",
            document.Info?.Version ?? "0",
            server,
            document.Info?.Description,
            _decls.Values.OrderBy(d => d.Name, StringComparer.Ordinal).ToEquatableArray(),
            resourceOrder.Select(r => new ResourceModel(r, descriptions.TryGetValue(r, out var d) ? d : null, resources[r].ToEquatableArray())).ToEquatableArray(),
            waiters,
            pagers));
    }

    /// <summary>
    /// Webhooks (OpenAPI 3.1) are requests the API sends, not calls a client makes: no method is generated,
    /// but each JSON payload becomes a model (named after the operation or the webhook when inline), so a
    /// receiver can deserialize it with the generated JSON context.
    /// </summary>
    private void DeclareWebhookPayloads(OpenApiDocument document)
    {
        foreach (var webhook in document.Webhooks ?? new Dictionary<string, IOpenApiPathItem>())
        {
            if (webhook.Value?.Operations is null)
            {
                continue;
            }

            foreach (var entry in webhook.Value.Operations)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var pointer = Pointer("webhooks", webhook.Key, entry.Key.Method.ToLowerInvariant());
                if (entry.Value?.RequestBody?.Content is not { Count: > 0 } content)
                {
                    continue;
                }

                if (!content.TryGetValue("application/json", out var json))
                {
                    Report(DiagnosticIds.UnsupportedConstruct, pointer + "/requestBody/content", $"Webhook '{webhook.Key}' sends '{content.Keys.First()}'; only JSON payloads get a model");
                    continue;
                }

                var name = Naming.Pascal(Blank(entry.Value.OperationId) ?? webhook.Key) + "Payload";
                Resolve(json?.Schema, name, pointer + "/requestBody/content/application~1json/schema");
            }
        }
    }

    private static string PeekUnique(UniqueNameBuilder names, string wanted)
    {
        var candidate = wanted;
        for (var i = 2; names.IsUsed(candidate); i++)
        {
            candidate = wanted.Substring(0, wanted.Length - "Async".Length) + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "Async";
        }

        return candidate;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private OperationModel BuildOperation(string path, string method, IOpenApiPathItem item, OpenApiOperation operation, string pointer, UniqueNameBuilder methodNames)
    {
        var operationId = operation.OperationId;
        if (string.IsNullOrWhiteSpace(operationId))
        {
            operationId = method.ToLowerInvariant() + Naming.Pascal(path);
            Report(DiagnosticIds.MissingOperationId, pointer, $"{method} {path} has no operationId; its method is named '{Naming.Pascal(operationId!)}Async'");
        }

        var wantedMethod = Naming.Pascal(operationId!) + "Async";
        if (_operations.ContainsKey(operationId!))
        {
            // OpenAPI requires unique operationIds, but specs in the wild repeat them: an invalid but readable
            // document, so a warning like the reader's own findings, and the method gets a numbered name.
            Report(DiagnosticIds.SpecWarning, pointer + "/operationId", $"operationId '{operationId}' is used by another operation too; operationIds must be unique. This one's method is named '{PeekUnique(methodNames, wantedMethod)}'");
        }
        else if (methodNames.IsUsed(wantedMethod))
        {
            Report(DiagnosticIds.NameCollision, pointer + "/operationId", $"Operation '{operationId}' maps to the method name '{wantedMethod}', which another operation already has");
        }

        // The number goes before the suffix (ListItems2Async), so the WithResponse twin stays well formed.
        var methodName = methodNames.Reserve(PeekUnique(methodNames, wantedMethod));
        _owner = null;
        var context = Naming.Pascal(operationId!);

        var parameters = new List<ParameterModel>();
        var parameterNames = new UniqueNameBuilder(new[] { "options", "cancellationToken", "body", "filePath", "client", "polling", "progress", "partialResults" });
        var merged = new List<(IOpenApiParameter Parameter, string Pointer)>();
        var index = 0;
        foreach (var parameter in item.Parameters ?? new List<IOpenApiParameter>())
        {
            merged.Add((parameter, Pointer("paths", path, "parameters") + "/" + index++));
        }

        index = 0;
        foreach (var parameter in operation.Parameters ?? new List<IOpenApiParameter>())
        {
            var parameterPointer = pointer + "/parameters/" + index++;
            merged.RemoveAll(p => p.Parameter.Name == parameter.Name && p.Parameter.In == parameter.In);
            merged.Add((parameter, parameterPointer));
        }

        foreach (var (parameter, parameterPointer) in merged)
        {
            if (parameter.Name is null || parameter.In is null)
            {
                Report(DiagnosticIds.UnresolvedReference, parameterPointer, "A parameter without a name or location (an unresolved $ref?) is skipped");
                continue;
            }

            ParamLocation location;
            switch (parameter.In.Value)
            {
                case Microsoft.OpenApi.ParameterLocation.Path:
                    location = ParamLocation.Path;
                    break;
                case Microsoft.OpenApi.ParameterLocation.Query:
                    location = ParamLocation.Query;
                    break;
                case Microsoft.OpenApi.ParameterLocation.Header:
                    location = ParamLocation.Header;
                    break;
                default:
                    Report(DiagnosticIds.UnsupportedConstruct, parameterPointer, $"Parameter '{parameter.Name}' in {parameter.In} is not supported and is skipped");
                    continue;
            }

            var type = Resolve(parameter.Schema, context + Naming.Pascal(parameter.Name), parameterPointer + "/schema");
            if (location == ParamLocation.Path)
            {
                // A URL segment cannot be null, whatever the schema says (type: 'null', nullable: true).
                type = type.WithNullable(false);
            }

            parameters.Add(new ParameterModel(
                parameter.Name,
                parameterNames.Reserve(Naming.Camel(parameter.Name)),
                location,
                type,
                parameter.Required || location == ParamLocation.Path,
                Blank(parameter.Description) ?? Describe(parameter.Schema ?? new OpenApiSchema()),
                parameter.Schema?.Default?.ToJsonString()));
        }

        // Path parameters in template order, then required, then optional: the call reads like the URL.
        var ordered = parameters
            .Where(p => p.Location == ParamLocation.Path)
            .OrderBy(p => path.IndexOf("{" + p.WireName + "}", StringComparison.Ordinal))
            .Concat(parameters.Where(p => p.Location != ParamLocation.Path && p.Required))
            .Concat(parameters.Where(p => p.Location != ParamLocation.Path && !p.Required))
            .ToList();

        var bodyKind = BodyKind.None;
        TypeRef? bodyType = null;
        var bodyRequired = false;
        var multipart = new List<ParameterModel>();
        if (operation.RequestBody?.Content is { Count: > 0 } content)
        {
            bodyRequired = operation.RequestBody.Required;
            var bodyPointer = pointer + "/requestBody/content";
            if (content.TryGetValue("application/json", out var json))
            {
                bodyKind = BodyKind.Json;
                bodyType = Resolve(json?.Schema, context + "Request", bodyPointer + "/application~1json/schema");
            }
            else if (content.TryGetValue("multipart/form-data", out var form))
            {
                bodyKind = BodyKind.Multipart;
                var schema = form?.Schema is OpenApiSchemaReference reference ? reference.Target : form?.Schema;
                var required = schema?.Required ?? new HashSet<string>();
                foreach (var property in schema?.Properties ?? new Dictionary<string, IOpenApiSchema>())
                {
                    var type = Resolve(property.Value, context + Naming.Pascal(property.Key), bodyPointer + "/multipart~1form-data/schema/properties/" + YamlLocator.Escape(property.Key));
                    multipart.Add(new ParameterModel(
                        property.Key,
                        parameterNames.Reserve(Naming.Camel(property.Key)),
                        ParamLocation.Query,
                        type,
                        required.Contains(property.Key),
                        Describe(property.Value),
                        null,
                        form?.Encoding is not null && form.Encoding.TryGetValue(property.Key, out var encoding) ? encoding.ContentType : null));
                }
            }
            else
            {
                Report(DiagnosticIds.UnsupportedConstruct, bodyPointer, $"Request content type '{content.Keys.First()}' of '{operationId}' is not supported; the method sends no body");
            }
        }

        var responseKind = ResponseKind.None;
        TypeRef? responseType = null;
        var errors = new List<string>();
        foreach (var response in operation.Responses ?? new OpenApiResponses())
        {
            if (!response.Key.StartsWith("2", StringComparison.Ordinal))
            {
                errors.Add(response.Key);
                continue;
            }

            if (responseKind != ResponseKind.None || response.Value?.Content is not { Count: > 0 } responseContent)
            {
                continue;
            }

            var responsePointer = pointer + "/responses/" + response.Key + "/content";
            if (responseContent.TryGetValue("application/json", out var json))
            {
                responseKind = ResponseKind.Json;
                responseType = Resolve(json?.Schema, context + "Response", responsePointer + "/application~1json/schema");
            }
            else
            {
                responseKind = ResponseKind.Stream;
            }
        }

        return new OperationModel(
            operationId!,
            methodName,
            method,
            path,
            Blank(operation.Summary),
            Blank(operation.Description),
            operation.Deprecated,
            ordered.ToEquatableArray(),
            bodyKind,
            bodyType,
            bodyRequired,
            multipart.ToEquatableArray(),
            responseKind,
            responseType,
            errors.ToEquatableArray());
    }
}
