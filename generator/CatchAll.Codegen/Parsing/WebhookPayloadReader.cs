using System.Collections.Generic;
using System.Linq;
using CatchAll.Codegen.Diagnostics;
using Microsoft.OpenApi;

namespace CatchAll.Codegen.Parsing;

/// <summary>Reads the webhooks' JSON payloads (OpenAPI 3.1 <c>webhooks</c>) into models; no client method comes of them.</summary>
internal sealed class WebhookPayloadReader
{
    private readonly ParseContext _context;
    private readonly SpecDiagnostics _diagnostics;
    private readonly SchemaReader _schemas;

    public WebhookPayloadReader(ParseContext context, SchemaReader schemas)
    {
        _context = context;
        _diagnostics = context.Diagnostics;
        _schemas = schemas;
    }

    /// <summary>
    /// Webhooks (OpenAPI 3.1) are requests the API sends, not calls a client makes: no method is generated,
    /// but each JSON payload becomes a model (named after the operation or the webhook when inline), so a
    /// receiver can deserialize it with the generated JSON context.
    /// </summary>
    public void DeclareWebhookPayloads(OpenApiDocument document)
    {
        foreach (var webhook in document.Webhooks ?? new Dictionary<string, IOpenApiPathItem>())
        {
            if (webhook.Value?.Operations is null)
            {
                continue;
            }

            foreach (var entry in webhook.Value.Operations)
            {
                _context.CancellationToken.ThrowIfCancellationRequested();
                var pointer = SpecDiagnostics.Pointer("webhooks", webhook.Key, entry.Key.Method.ToLowerInvariant());
                if (entry.Value?.RequestBody?.Content is not { Count: > 0 } content)
                {
                    continue;
                }

                if (!content.TryGetValue("application/json", out var json))
                {
                    _diagnostics.Report(DiagnosticIds.UnsupportedConstruct, pointer + "/requestBody/content", $"Webhook '{webhook.Key}' sends '{content.Keys.First()}'; only JSON payloads get a model");
                    continue;
                }

                var name = Naming.Pascal(SpecText.Blank(entry.Value.OperationId) ?? webhook.Key) + "Payload";
                _schemas.Resolve(json?.Schema, name, pointer + "/requestBody/content/application~1json/schema");
            }
        }
    }
}
