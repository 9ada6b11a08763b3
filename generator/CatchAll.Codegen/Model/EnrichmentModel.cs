using Microsoft.CodeAnalysis.Text;

namespace CatchAll.Codegen.Model;

/// <summary>How an enrichment property is read and written: the C# side of its wire type.</summary>
internal enum EnrichmentValueKind
{
    Text,
    Byte,
    SByte,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Single,
    Double,
    Decimal,
    DateOnly,
    DateTime,
    DateTimeOffset,
    Option,
    Url,
    Company,
}

/// <summary>
/// A <c>[CatchAllEnrichments]</c> type as plain data: names, properties and diagnostics, never a symbol or a
/// syntax node, so an edit elsewhere leaves the pipeline cached. Containers: the enclosing types, outermost first,
/// each as the keyword and name its partial declaration needs. Valid: no error was found, so code is emitted.
/// </summary>
internal sealed record EnrichmentTypeModel(
    string? Namespace,
    string Name,
    string Keyword,
    string FullName,
    EquatableArray<string> Containers,
    EquatableArray<EnrichmentPropertyModel> Properties,
    EquatableArray<EnrichmentDiagnostic> Diagnostics,
    EnrichmentLocation Location,
    bool Valid);

/// <summary>
/// One enrichment. TypeName: the property's value type (enum or numeric) without nullability, global-qualified.
/// Nullable: whether the property accepts null (otherwise a missing value reads as the type's default).
/// </summary>
internal sealed record EnrichmentPropertyModel(
    string PropertyName,
    string WireName,
    string Description,
    string WireType,
    EnrichmentValueKind Kind,
    string TypeName,
    bool Nullable,
    EquatableArray<EnrichmentOption> Options);

/// <summary>An enum member of an option enrichment: its wire value and the key an incoming value is matched by.</summary>
internal sealed record EnrichmentOption(string Member, string Wire, string Key, string MemberKey);

/// <summary>A diagnostic of the enrichment pipeline, at a place in a C# file.</summary>
internal sealed record EnrichmentDiagnostic(string Id, string Message, EnrichmentLocation Location);

/// <summary>A source location as data (a Location would keep the syntax tree alive and break caching).</summary>
internal sealed record EnrichmentLocation(string FilePath, TextSpan Span, LinePositionSpan LineSpan);

/// <summary>
/// What the spec of this project offers typed enrichments: where its client lives and which of the contract's
/// types and operations it has (a custom spec or a Resources subset may lack some).
/// </summary>
internal sealed record EnrichmentTarget(
    string Namespace,
    string ClientName,
    bool HasSchema,
    bool HasCompany,
    bool HasJobs,
    bool HasSubmitAndWait,
    bool HasPartialResults,
    bool HasMonitors,
    bool HasSuggestions);
