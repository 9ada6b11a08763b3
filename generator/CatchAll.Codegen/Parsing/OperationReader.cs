using System;
using System.Collections.Generic;
using System.Linq;
using CatchAll.Codegen.Diagnostics;
using CatchAll.Codegen.Model;
using Microsoft.OpenApi;

namespace CatchAll.Codegen.Parsing;

/// <summary>Reads the paths' operations into resource clients' methods: parameters, request body, response and error statuses.</summary>
internal sealed class OperationReader
{
    /// <summary>On a tag: the singular its clashing type names are prefixed with, instead of the word list's.</summary>
    private const string SingularExtension = "x-catchall-singular";

    private static readonly string[] MethodOrder = { "GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE" };

    private readonly ParseContext _context;
    private readonly SpecDiagnostics _diagnostics;
    private readonly SchemaReader _schemas;

    public OperationReader(ParseContext context, SchemaReader schemas)
    {
        _context = context;
        _diagnostics = context.Diagnostics;
        _schemas = schemas;
    }

    /// <summary>The object models sent as a PATCH body: their members track whether they were set.</summary>
    public HashSet<string> PatchBodies { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Every path operation as a client method, grouped into resources by first tag in document order; each method name
    /// is unique in its resource. Also notes which object models are PATCH bodies (<see cref="PatchBodies"/>).
    /// </summary>
    public List<ResourceModel> ReadResources(OpenApiDocument document)
    {
        var resources = new Dictionary<string, List<OperationModel>>(StringComparer.Ordinal);
        var resourceOrder = new List<string>();
        var descriptions = new Dictionary<string, string?>(StringComparer.Ordinal);
        var singulars = new Dictionary<string, string>(StringComparer.Ordinal);
        var tagIndex = 0;
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is not null)
            {
                descriptions[Naming.Pascal(tag.Name)] = tag.Description;
                if (SingularOverride(tag, tagIndex) is { } singular)
                {
                    singulars[Naming.Pascal(tag.Name)] = singular;
                }
            }

            tagIndex++;
        }

        var methodNames = new Dictionary<string, UniqueNameBuilder>(StringComparer.Ordinal);
        foreach (var path in document.Paths ?? new OpenApiPaths())
        {
            if (path.Value.Operations is null)
            {
                continue;
            }

            foreach (var entry in path.Value.Operations.OrderBy(o => Array.IndexOf(MethodOrder, o.Key.Method.ToUpperInvariant())))
            {
                _context.CancellationToken.ThrowIfCancellationRequested();
                var method = entry.Key.Method.ToUpperInvariant();
                var pointer = SpecDiagnostics.Pointer("paths", path.Key, method.ToLowerInvariant());
                var resource = Naming.Pascal(entry.Value.Tags?.FirstOrDefault()?.Name ?? "Default");
                if (!resources.TryGetValue(resource, out var list))
                {
                    resources[resource] = list = new List<OperationModel>();
                    resourceOrder.Add(resource);
                    methodNames[resource] = new UniqueNameBuilder(new[] { resource + "Client" });
                }

                var operation = BuildOperation(path.Key, method, path.Value, entry.Value, pointer, methodNames[resource]);
                list.Add(operation);
                _context.Operations[operation.OperationId] = new ReadOperation(resource, operation, entry.Value, pointer);
                if (method == "PATCH" && operation.BodyType is { NamedKind: NamedKind.Object, Name: { } bodyName })
                {
                    PatchBodies.Add(bodyName);
                }
            }
        }

        return resourceOrder.Select(r => new ResourceModel(
            r,
            descriptions.TryGetValue(r, out var d) ? d : null,
            resources[r].ToEquatableArray(),
            singulars.TryGetValue(r, out var s) ? s : Naming.Singular(r))).ToList();
    }

    /// <summary>
    /// A tag's x-catchall-singular, Pascal-cased: the spec's own answer where the word list would guess wrong, so
    /// nobody needs a new word in the generator to keep a type name.
    /// </summary>
    private string? SingularOverride(OpenApiTag tag, int index)
    {
        if (tag.Extensions is null || !tag.Extensions.TryGetValue(SingularExtension, out var extension))
        {
            return null;
        }

        if (extension is JsonNodeExtension { Node: System.Text.Json.Nodes.JsonValue value }
            && value.TryGetValue<string>(out var text)
            && !string.IsNullOrWhiteSpace(text))
        {
            return Naming.Pascal(text);
        }

        _diagnostics.Report(
            DiagnosticIds.InvalidExtension,
            SpecDiagnostics.Pointer("tags", index.ToString(System.Globalization.CultureInfo.InvariantCulture), SingularExtension),
            $"{SingularExtension} on tag '{tag.Name}' must be a non-blank string; the singular '{Naming.Singular(Naming.Pascal(tag.Name!))}' is used");
        return null;
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

    private OperationModel BuildOperation(string path, string method, IOpenApiPathItem item, OpenApiOperation operation, string pointer, UniqueNameBuilder methodNames)
    {
        var operationId = operation.OperationId;
        if (string.IsNullOrWhiteSpace(operationId))
        {
            operationId = method.ToLowerInvariant() + Naming.Pascal(path);
            _diagnostics.Report(DiagnosticIds.MissingOperationId, pointer, $"{method} {path} has no operationId; its method is named '{Naming.Pascal(operationId!)}Async'");
        }

        var wantedMethod = Naming.Pascal(operationId!) + "Async";
        if (_context.Operations.ContainsKey(operationId!))
        {
            // OpenAPI requires unique operationIds, but specs in the wild repeat them: an invalid but readable
            // document, so a warning like the reader's own findings, and the method gets a numbered name.
            _diagnostics.Report(DiagnosticIds.SpecWarning, pointer + "/operationId", $"operationId '{operationId}' is used by another operation too; operationIds must be unique. This one's method is named '{PeekUnique(methodNames, wantedMethod)}'");
        }
        else if (methodNames.IsUsed(wantedMethod))
        {
            _diagnostics.Report(DiagnosticIds.NameCollision, pointer + "/operationId", $"Operation '{operationId}' maps to the method name '{wantedMethod}', which another operation already has");
        }

        // The number goes before the suffix (ListItems2Async), so the WithResponse twin stays well formed.
        var methodName = methodNames.Reserve(PeekUnique(methodNames, wantedMethod));
        _context.Types.Owner = null;
        var context = Naming.Pascal(operationId!);

        var parameters = new List<ParameterModel>();
        var parameterNames = new UniqueNameBuilder(new[] { "options", "cancellationToken", "body", "filePath", "client", "polling", "progress", "partialResults" });
        var merged = new List<(IOpenApiParameter Parameter, string Pointer)>();
        var index = 0;
        foreach (var parameter in item.Parameters ?? new List<IOpenApiParameter>())
        {
            merged.Add((parameter, SpecDiagnostics.Pointer("paths", path, "parameters") + "/" + index++));
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
                _diagnostics.Report(DiagnosticIds.UnresolvedReference, parameterPointer, "A parameter without a name or location (an unresolved $ref?) is skipped");
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
                    _diagnostics.Report(DiagnosticIds.UnsupportedConstruct, parameterPointer, $"Parameter '{parameter.Name}' in {parameter.In} is not supported and is skipped");
                    continue;
            }

            var type = _schemas.Resolve(parameter.Schema, context + Naming.Pascal(parameter.Name), parameterPointer + "/schema");
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
                SpecText.Blank(parameter.Description) ?? _schemas.Describe(parameter.Schema ?? new OpenApiSchema()),
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
                bodyType = _schemas.Resolve(json?.Schema, context + "Request", bodyPointer + "/application~1json/schema");
            }
            else if (content.TryGetValue("multipart/form-data", out var form))
            {
                bodyKind = BodyKind.Multipart;
                var schema = form?.Schema is OpenApiSchemaReference reference ? reference.Target : form?.Schema;
                var required = schema?.Required ?? new HashSet<string>();
                foreach (var property in schema?.Properties ?? new Dictionary<string, IOpenApiSchema>())
                {
                    var type = _schemas.Resolve(property.Value, context + Naming.Pascal(property.Key), bodyPointer + "/multipart~1form-data/schema/properties/" + YamlLocator.Escape(property.Key));
                    multipart.Add(new ParameterModel(
                        property.Key,
                        parameterNames.Reserve(Naming.Camel(property.Key)),
                        ParamLocation.Query,
                        type,
                        required.Contains(property.Key),
                        _schemas.Describe(property.Value),
                        null,
                        form?.Encoding is not null && form.Encoding.TryGetValue(property.Key, out var encoding) ? encoding.ContentType : null));
                }
            }
            else
            {
                _diagnostics.Report(DiagnosticIds.UnsupportedConstruct, bodyPointer, $"Request content type '{content.Keys.First()}' of '{operationId}' is not supported; the method sends no body");
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
                responseType = _schemas.Resolve(json?.Schema, context + "Response", responsePointer + "/application~1json/schema");
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
            SpecText.Blank(operation.Summary),
            SpecText.Blank(operation.Description),
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
