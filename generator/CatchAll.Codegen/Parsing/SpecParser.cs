using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CatchAll.Codegen.Diagnostics;
using CatchAll.Codegen.Model;
using Microsoft.OpenApi;

namespace CatchAll.Codegen.Parsing;

/// <summary>
/// Reads one OpenAPI document into the equatable <see cref="SpecModel"/>. Holds no Roslyn types: the generator and
/// the tests call it the same way. It only orchestrates; each reader reads one part of the document (see docs/architecture.md).
/// </summary>
internal sealed class SpecParser
{
    private readonly ParseContext _context;

    private SpecParser(ParseContext context)
    {
        _context = context;
    }

    /// <summary>Parses a spec; never throws except for cancellation.</summary>
    public static ParseResult Parse(SpecInput input, CancellationToken cancellationToken)
    {
        var parser = new SpecParser(new ParseContext(input, cancellationToken));
        SpecModel? model;
        try
        {
            model = parser.Run();
            if (model is not null)
            {
                model = parser.Subset(model);
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // A generator that throws takes the whole build down with CS8785; report and move on.
            parser._context.Diagnostics.Report(DiagnosticIds.InternalError, "#", "reading this spec, so nothing was generated for it: " + ex.GetType().Name + ": " + ex.Message);
            model = null;
        }

        return new ParseResult(input.Path, model, parser._context.Diagnostics.WithoutEchoes().ToEquatableArray());
    }

    private SpecModel? Run()
    {
        if (!MetadataRules.CheckMetadata(_context))
        {
            return null;
        }

        var document = new DocumentReader(_context).Read();
        return document is null ? null : BuildModel(document);
    }

    /// <summary>Components, then operations and webhook payloads, then the helpers built on them, then the naming rules.</summary>
    private SpecModel? BuildModel(OpenApiDocument document)
    {
        var input = _context.Input;
        var types = _context.Types;

        // Type names become hint names, and those must differ in more than case.
        types.Names = new UniqueNameBuilder(new[] { input.ClientName, "I" + input.ClientName, input.ClientName + "Json", "JsonConverter" }, ignoreCase: true);
        var schemas = new SchemaReader(_context);
        schemas.DeclareComponents(document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>());
        if (_context.Diagnostics.Any(DiagnosticIds.InvalidSpec))
        {
            return null;
        }

        foreach (var id in types.Components.Keys.ToList())
        {
            schemas.ResolveComponent(id, types.Components[id].Pointer);
        }

        var operations = new OperationReader(_context, schemas);
        var resources = operations.ReadResources(document);
        new WebhookPayloadReader(_context, schemas).DeclareWebhookPayloads(document);

        if (!MetadataRules.CheckResourceNames(_context, resources))
        {
            return null;
        }

        foreach (var name in operations.PatchBodies)
        {
            types.Decls[name] = types.Object(name) with { IsPatchRequest = true };
        }

        var waiters = new WaiterReader(_context).Read();
        var pagers = new PagerReader(_context).Read();
        var server = document.Servers?.FirstOrDefault()?.Url ?? "http://localhost";
        return new NamingRules(types).Apply(new SpecModel(
            input.Namespace,
            input.ClientName,
            document.Info?.Title ?? "API",
            document.Info?.Version ?? "0",
            server,
            document.Info?.Description,
            types.Decls.Values.OrderBy(d => d.Name, StringComparer.Ordinal).ToEquatableArray(),
            resources.ToEquatableArray(),
            waiters,
            pagers));
    }

    private SpecModel Subset(SpecModel model)
    {
        var subset = ResourceSubset.Apply(model, ResourceSubset.ParseList(_context.Input.Resources), out var unknown);
        foreach (var name in unknown)
        {
            var known = model.Resources.Count == 0 ? "none" : string.Join(", ", model.Resources.Select(r => r.Name));
            _context.Diagnostics.Report(DiagnosticIds.UnknownResource, "#/tags", $"Resources names '{name}', which is not a tag of this spec, so it selects nothing; known tags: {known}");
        }

        return subset;
    }
}
