using Microsoft.CodeAnalysis;

namespace CatchAll.Codegen.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. IDs are stable: users suppress and search by them.
/// </summary>
internal static class DiagnosticCatalog
{
    private const string Category = "CatchAll.Codegen";

    public static readonly DiagnosticDescriptor InvalidSpec = Error(
        DiagnosticIds.InvalidSpec, "The CatchAll spec could not be read", "The spec could not be read: {0}");

    public static readonly DiagnosticDescriptor UnresolvedReference = Error(
        DiagnosticIds.UnresolvedReference, "Unresolved $ref", "{0}");

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Warning(
        DiagnosticIds.UnsupportedConstruct, "Unsupported OpenAPI construct", "{0}");

    public static readonly DiagnosticDescriptor NameCollision = Error(
        DiagnosticIds.NameCollision, "Two spec names map to one C# name", "{0}");

    public static readonly DiagnosticDescriptor EmptySpec = Error(
        DiagnosticIds.EmptySpec, "The CatchAll spec is missing or empty", "{0}");

    public static readonly DiagnosticDescriptor MissingOperationId = Warning(
        DiagnosticIds.MissingOperationId, "Operation without operationId", "{0}");

    public static readonly DiagnosticDescriptor InternalError = Error(
        DiagnosticIds.InternalError, "The CatchAll generator failed", "The CatchAll generator failed: {0}");

    public static readonly DiagnosticDescriptor InvalidMetadata = Error(
        DiagnosticIds.InvalidMetadata, "Invalid CatchAllSpec metadata", "{0}");

    public static readonly DiagnosticDescriptor SpecWarning = Warning(
        DiagnosticIds.SpecWarning, "The OpenAPI reader reported a problem", "{0}");

    public static readonly DiagnosticDescriptor InvalidExtension = Error(
        DiagnosticIds.InvalidExtension, "Invalid x-catchall extension", "{0}");

    public static readonly DiagnosticDescriptor MissingRuntime = Error(
        DiagnosticIds.MissingRuntime, "CatchAll.Runtime is not referenced", "The generated CatchAll client needs the CatchAll.Runtime package; add a PackageReference to CatchAll.Runtime");

    public static readonly DiagnosticDescriptor UnsupportedConsumer = Error(
        DiagnosticIds.UnsupportedConsumer, "The project cannot compile the generated client", "The generated CatchAll client needs C# 11 and .NET 8 or later; this project {0}, so nothing was generated");

    public static readonly DiagnosticDescriptor UnknownResource = Warning(
        DiagnosticIds.UnknownResource, "Unknown resource in the Resources subset", "{0}");

    public static readonly DiagnosticDescriptor InvalidEnrichmentType = Error(
        DiagnosticIds.InvalidEnrichmentType, "The enrichment type cannot be generated", "{0}");

    public static readonly DiagnosticDescriptor UnsupportedEnrichment = Error(
        DiagnosticIds.UnsupportedEnrichment, "Unsupported enrichment property", "{0}");

    public static readonly DiagnosticDescriptor DuplicateEnrichmentName = Error(
        DiagnosticIds.DuplicateEnrichmentName, "Duplicate enrichment wire name", "{0}");

    public static readonly DiagnosticDescriptor InvalidEnrichmentName = Error(
        DiagnosticIds.InvalidEnrichmentName, "Invalid enrichment name or description", "{0}");

    public static readonly DiagnosticDescriptor NoEnrichments = Warning(
        DiagnosticIds.NoEnrichments, "The enrichment type declares no enrichments", "{0}");

    public static readonly DiagnosticDescriptor EnrichmentsUnavailable = Error(
        DiagnosticIds.EnrichmentsUnavailable, "Typed enrichments are not available", "{0}");

    public static DiagnosticDescriptor? Find(string id) => id switch
    {
        DiagnosticIds.InvalidSpec => InvalidSpec,
        DiagnosticIds.UnresolvedReference => UnresolvedReference,
        DiagnosticIds.UnsupportedConstruct => UnsupportedConstruct,
        DiagnosticIds.NameCollision => NameCollision,
        DiagnosticIds.EmptySpec => EmptySpec,
        DiagnosticIds.MissingOperationId => MissingOperationId,
        DiagnosticIds.InternalError => InternalError,
        DiagnosticIds.InvalidMetadata => InvalidMetadata,
        DiagnosticIds.SpecWarning => SpecWarning,
        DiagnosticIds.InvalidExtension => InvalidExtension,
        DiagnosticIds.MissingRuntime => MissingRuntime,
        DiagnosticIds.UnsupportedConsumer => UnsupportedConsumer,
        DiagnosticIds.UnknownResource => UnknownResource,
        DiagnosticIds.InvalidEnrichmentType => InvalidEnrichmentType,
        DiagnosticIds.UnsupportedEnrichment => UnsupportedEnrichment,
        DiagnosticIds.DuplicateEnrichmentName => DuplicateEnrichmentName,
        DiagnosticIds.InvalidEnrichmentName => InvalidEnrichmentName,
        DiagnosticIds.NoEnrichments => NoEnrichments,
        DiagnosticIds.EnrichmentsUnavailable => EnrichmentsUnavailable,
        _ => null,
    };

    private static DiagnosticDescriptor Error(string id, string title, string format) =>
        new(id, title, format, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static DiagnosticDescriptor Warning(string id, string title, string format) =>
        new(id, title, format, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);
}
