namespace CatchAll.Codegen.Diagnostics;

/// <summary>
/// The id of every diagnostic the generator reports, and nothing else: no Roslyn type, so the YAML parser
/// (which must not see Roslyn) and the catalog (which turns an id into a descriptor) share one spelling.
/// Ids are stable: users suppress and search by them.
/// </summary>
internal static class DiagnosticIds
{
    /// <summary>The spec could not be read (malformed YAML, not OpenAPI, a key with no value).</summary>
    public const string InvalidSpec = "CATCH0001";

    /// <summary>A $ref does not resolve.</summary>
    public const string UnresolvedReference = "CATCH0002";

    /// <summary>An OpenAPI construct the generator does not support; generation goes on without it.</summary>
    public const string UnsupportedConstruct = "CATCH0003";

    /// <summary>Two spec names map to one C# name, or two specs to one hint name.</summary>
    public const string NameCollision = "CATCH0004";

    /// <summary>The spec is missing or empty.</summary>
    public const string EmptySpec = "CATCH0005";

    /// <summary>An operation has no operationId.</summary>
    public const string MissingOperationId = "CATCH0006";

    /// <summary>The generator failed: on a spec (nothing generated for it) or on typed enrichments; the message says which.</summary>
    public const string InternalError = "CATCH0007";

    /// <summary>Invalid CatchAllSpec metadata (namespace, client name, a clash between specs or with a tag).</summary>
    public const string InvalidMetadata = "CATCH0008";

    /// <summary>
    /// A finding on a spec that could be read: the OpenAPI reader's validation rules, or repeated operationIds.
    /// A warning; generation goes on from what was read.
    /// </summary>
    public const string SpecWarning = "CATCH0009";

    /// <summary>An x-catchall extension is invalid.</summary>
    public const string InvalidExtension = "CATCH0010";

    /// <summary>The compilation does not reference CatchAll.Runtime.</summary>
    public const string MissingRuntime = "CATCH0011";

    /// <summary>The project's C# version or framework cannot compile the generated client.</summary>
    public const string UnsupportedConsumer = "CATCH0012";

    /// <summary>A Resources subset names a tag the spec does not have.</summary>
    public const string UnknownResource = "CATCH0013";

    /// <summary>A [CatchAllEnrichments] type cannot be generated (not partial, generic, no parameterless constructor).</summary>
    public const string InvalidEnrichmentType = "CATCH0014";

    /// <summary>An [Enrichment] property has a type no enrichment type holds.</summary>
    public const string UnsupportedEnrichment = "CATCH0015";

    /// <summary>Two enrichments of a type share a wire name.</summary>
    public const string DuplicateEnrichmentName = "CATCH0016";

    /// <summary>An enrichment name is not snake_case, or its description is empty.</summary>
    public const string InvalidEnrichmentName = "CATCH0017";

    /// <summary>A [CatchAllEnrichments] type declares no enrichments.</summary>
    public const string NoEnrichments = "CATCH0018";

    /// <summary>The project's spec lacks what typed enrichments need, or its client is not generated.</summary>
    public const string EnrichmentsUnavailable = "CATCH0019";
}
