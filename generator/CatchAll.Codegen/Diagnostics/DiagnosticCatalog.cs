using Microsoft.CodeAnalysis;

namespace CatchAll.Codegen.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. IDs are stable: users suppress and search by them.
/// </summary>
internal static class DiagnosticCatalog
{
    private const string Category = "CatchAll.Codegen";

    public static readonly DiagnosticDescriptor InvalidSpec = Error(
        "CATCH0001", "The CatchAll spec could not be read", "The spec could not be read: {0}");

    public static readonly DiagnosticDescriptor UnresolvedReference = Error(
        "CATCH0002", "Unresolved $ref", "{0}");

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Warning(
        "CATCH0003", "Unsupported OpenAPI construct", "{0}");

    public static readonly DiagnosticDescriptor NameCollision = Error(
        "CATCH0004", "Two spec names map to one C# name", "{0}");

    public static readonly DiagnosticDescriptor EmptySpec = Error(
        "CATCH0005", "The CatchAll spec is missing or empty", "{0}");

    public static readonly DiagnosticDescriptor MissingOperationId = Warning(
        "CATCH0006", "Operation without operationId", "{0}");

    public static readonly DiagnosticDescriptor InternalError = Error(
        "CATCH0007", "The CatchAll generator failed", "The generator failed on this spec and generated nothing for it: {0}");

    public static readonly DiagnosticDescriptor InvalidMetadata = Error(
        "CATCH0008", "Invalid CatchAllSpec metadata", "{0}");

    public static readonly DiagnosticDescriptor SpecWarning = Warning(
        "CATCH0009", "The OpenAPI reader reported a problem", "{0}");

    public static readonly DiagnosticDescriptor InvalidExtension = Error(
        "CATCH0010", "Invalid x-catchall extension", "{0}");

    public static readonly DiagnosticDescriptor MissingRuntime = Error(
        "CATCH0011", "CatchAll.Runtime is not referenced", "The generated CatchAll client needs the CatchAll.Runtime package; add a PackageReference to CatchAll.Runtime");

    public static readonly DiagnosticDescriptor UnsupportedConsumer = Error(
        "CATCH0012", "The project cannot compile the generated client", "The generated CatchAll client needs C# 11 and .NET 8 or later; this project {0}, so nothing was generated");

    public static readonly DiagnosticDescriptor UnknownResource = Warning(
        "CATCH0013", "Unknown resource in the Resources subset", "{0}");

    public static readonly DiagnosticDescriptor InvalidEnrichmentType = Error(
        "CATCH0014", "The enrichment type cannot be generated", "{0}");

    public static readonly DiagnosticDescriptor UnsupportedEnrichment = Error(
        "CATCH0015", "Unsupported enrichment property", "{0}");

    public static readonly DiagnosticDescriptor DuplicateEnrichmentName = Error(
        "CATCH0016", "Duplicate enrichment wire name", "{0}");

    public static readonly DiagnosticDescriptor InvalidEnrichmentName = Error(
        "CATCH0017", "Invalid enrichment name or description", "{0}");

    public static readonly DiagnosticDescriptor NoEnrichments = Warning(
        "CATCH0018", "The enrichment type declares no enrichments", "{0}");

    public static readonly DiagnosticDescriptor EnrichmentsUnavailable = Error(
        "CATCH0019", "Typed enrichments are not available", "{0}");

    public static DiagnosticDescriptor? Find(string id) => id switch
    {
        "CATCH0001" => InvalidSpec,
        "CATCH0002" => UnresolvedReference,
        "CATCH0003" => UnsupportedConstruct,
        "CATCH0004" => NameCollision,
        "CATCH0005" => EmptySpec,
        "CATCH0006" => MissingOperationId,
        "CATCH0007" => InternalError,
        "CATCH0008" => InvalidMetadata,
        "CATCH0009" => SpecWarning,
        "CATCH0010" => InvalidExtension,
        "CATCH0011" => MissingRuntime,
        "CATCH0012" => UnsupportedConsumer,
        "CATCH0013" => UnknownResource,
        "CATCH0014" => InvalidEnrichmentType,
        "CATCH0015" => UnsupportedEnrichment,
        "CATCH0016" => DuplicateEnrichmentName,
        "CATCH0017" => InvalidEnrichmentName,
        "CATCH0018" => NoEnrichments,
        "CATCH0019" => EnrichmentsUnavailable,
        _ => null,
    };

    private static DiagnosticDescriptor Error(string id, string title, string format) =>
        new(id, title, format, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static DiagnosticDescriptor Warning(string id, string title, string format) =>
        new(id, title, format, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);
}
