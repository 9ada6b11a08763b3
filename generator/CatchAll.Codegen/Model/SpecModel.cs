using System.Collections.Generic;
using System.Linq;
using CatchAll.Codegen.Diagnostics;

namespace CatchAll.Codegen.Model;

/// <summary>
/// What one CatchAllSpec item declares, read from its text and build metadata. Resources: the item's
/// Resources metadata as written (tags separated by <c>;</c>), null or blank for every resource.
/// </summary>
internal sealed record SpecInput(string Path, string Text, string Namespace, string ClientName, string? Resources = null);

/// <summary>The parse of one spec: a model when the spec could be read, and what went wrong.</summary>
internal sealed record ParseResult(string Path, SpecModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>The whole contract, in the shape the emitter needs and nothing more.</summary>
internal sealed record SpecModel(
    string Namespace,
    string ClientName,
    string Title,
    string Version,
    string DefaultServer,
    string? Description,
    EquatableArray<TypeDecl> Types,
    EquatableArray<ResourceModel> Resources,
    EquatableArray<WaiterModel> Waiters,
    EquatableArray<PagerModel> Pagers);

/// <summary>Primitive and structural kinds a schema can map to.</summary>
internal enum TypeKind
{
    String,
    Int32,
    Int64,
    Single,
    Double,
    Boolean,
    Guid,
    DateTimeOffset,
    DateOnly,
    Binary,
    Any,
    Array,
    Map,
    Named,
}

/// <summary>Which declared type a <see cref="TypeKind.Named"/> reference points at.</summary>
internal enum NamedKind
{
    None,
    Object,
    Enum,
    Union,
    PrimitiveUnion,
}

/// <summary>A use of a type: a property's, a parameter's or a body's.</summary>
internal sealed record TypeRef(TypeKind Kind, bool Nullable, string? Name = null, NamedKind NamedKind = NamedKind.None, TypeRef? Element = null)
{
    public TypeRef WithNullable(bool nullable) => this with { Nullable = nullable };

    public bool IsValueType => Kind switch
    {
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Boolean
            or TypeKind.Guid or TypeKind.DateTimeOffset or TypeKind.DateOnly or TypeKind.Any => true,
        TypeKind.Named => NamedKind is NamedKind.Enum or NamedKind.PrimitiveUnion,
        _ => false,
    };
}

/// <summary>A type the generator declares: one record per kind (<see cref="ObjectDecl"/>, <see cref="EnumDecl"/>, <see cref="UnionDecl"/>, <see cref="PrimitiveUnionDecl"/>).</summary>
internal abstract record TypeDecl
{
    /// <summary>The C# type name, unique in the spec's models namespace.</summary>
    public required string Name { get; init; }

    public required string? Description { get; init; }

    /// <summary>The type uses this declaration holds, in order: its properties' then its extra members', or its variants'.</summary>
    public abstract IEnumerable<TypeRef> References();
}

/// <summary>An object model: a class with properties, a JSON converter and, if declared, extra members.</summary>
internal sealed record ObjectDecl : TypeDecl
{
    public required EquatableArray<PropertyDecl> Properties { get; init; }

    /// <summary>The type of <c>additionalProperties</c> when it declares one; null for none or an empty schema.</summary>
    public TypeRef? AdditionalPropertiesType { get; init; }

    /// <summary>Declares <c>additionalProperties: {}</c>: undeclared members are expected rather than stray.</summary>
    public bool IsOpen { get; init; }

    /// <summary>The body of a PATCH operation: every member tracks whether it was set, so an unset one is not sent.</summary>
    public bool IsPatchRequest { get; init; }

    /// <summary>The discriminated union this object is a variant of (its base class); null when it is none's.</summary>
    public string? BaseUnion { get; init; }

    /// <summary>With <see cref="BaseUnion"/>: the discriminator value that selects this variant.</summary>
    public string? DiscriminatorValue { get; init; }

    public override IEnumerable<TypeRef> References() =>
        AdditionalPropertiesType is { } extra ? Properties.Select(p => p.Type).Append(extra) : Properties.Select(p => p.Type);
}

/// <summary>An open enum: a struct over a wire string, with a member per known value.</summary>
internal sealed record EnumDecl : TypeDecl
{
    public required EquatableArray<EnumValueDecl> Values { get; init; }

    public override IEnumerable<TypeRef> References() => Enumerable.Empty<TypeRef>();
}

/// <summary>A oneOf/anyOf of objects told apart by a discriminator property: an abstract base with the variants deriving from it.</summary>
internal sealed record UnionDecl : TypeDecl
{
    public required EquatableArray<UnionVariantDecl> Variants { get; init; }

    /// <summary>The JSON name of the property whose value selects the variant.</summary>
    public required string DiscriminatorProperty { get; init; }

    /// <summary>The name of the generated variant that holds a discriminator value this client does not know.</summary>
    public required string UnknownVariant { get; init; }

    public override IEnumerable<TypeRef> References() => Variants.Select(v => v.Type);
}

/// <summary>A oneOf/anyOf of primitive kinds (string, integer, number, boolean): a struct holding one of them.</summary>
internal sealed record PrimitiveUnionDecl : TypeDecl
{
    public required EquatableArray<UnionVariantDecl> Variants { get; init; }

    public override IEnumerable<TypeRef> References() => Variants.Select(v => v.Type);
}

/// <summary>A property of an object model.</summary>
internal sealed record PropertyDecl(
    string JsonName,
    string Name,
    TypeRef Type,
    bool Required,
    string? Description,
    string? DefaultJson);

/// <summary>A wire string of an open enum and the member that names it.</summary>
internal sealed record EnumValueDecl(string Wire, string Member);

/// <summary>A union variant: a discriminator key and the model it selects, or a primitive kind.</summary>
internal sealed record UnionVariantDecl(string Key, string Member, TypeRef Type);

/// <summary>
/// One resource client (an OpenAPI tag). <paramref name="Singular"/> prefixes the resource's clashing type names: the
/// tag's x-catchall-singular, else <see cref="CatchAll.Codegen.Parsing.Naming.Singular"/> of the name.
/// </summary>
internal sealed record ResourceModel(string Name, string? Description, EquatableArray<OperationModel> Operations, string Singular);

internal enum BodyKind
{
    None,
    Json,
    Multipart,
}

internal enum ResponseKind
{
    None,
    Json,
    Stream,
}

/// <summary>One operation, as a client method.</summary>
internal sealed record OperationModel(
    string OperationId,
    string MethodName,
    string HttpMethod,
    string Path,
    string? Summary,
    string? Description,
    bool Deprecated,
    EquatableArray<ParameterModel> Parameters,
    BodyKind BodyKind,
    TypeRef? BodyType,
    bool BodyRequired,
    EquatableArray<ParameterModel> MultipartFields,
    ResponseKind ResponseKind,
    TypeRef? ResponseType,
    EquatableArray<string> ErrorStatuses);

internal enum ParamLocation
{
    Path,
    Query,
    Header,
}

/// <summary>A path, query or header parameter, or a multipart form field.</summary>
internal sealed record ParameterModel(
    string WireName,
    string Name,
    ParamLocation Location,
    TypeRef Type,
    bool Required,
    string? Description,
    string? DefaultJson,
    string? ContentType = null);

/// <summary>A polling helper declared with x-catchall-wait on a status operation.</summary>
internal sealed record WaiterModel(
    string Resource,
    string MethodName,
    string StatusOperationId,
    string StatusOperationMethod,
    string IdParameterName,
    TypeRef IdType,
    TypeRef ResultType,
    string StatusPropertyName,
    EquatableArray<string> SuccessValues,
    EquatableArray<string> FailureValues,
    int DefaultIntervalSeconds,
    string ExceptionName,
    EquatableArray<StarterModel> Starters,
    string? PartialMethod,
    TypeRef? PartialResultType,
    EquatableArray<string> PartialValues);

/// <summary>An operation that starts the work a waiter then waits for (submit, continue).</summary>
internal sealed record StarterModel(string HelperName, string OperationMethod, TypeRef RequestType, TypeRef ResponseType, string IdPropertyName);

/// <summary>A paging helper for an operation with page/page_size parameters.</summary>
internal sealed record PagerModel(
    string Resource,
    string OperationMethod,
    string MethodName,
    TypeRef PageType,
    TypeRef ItemType,
    string ItemsPropertyName,
    PageCountSource PageCount);

/// <summary>
/// Where a page says how many pages there are: a `total_pages` member (<see cref="TotalPages"/>), or else a
/// `total` item count with the `page_size` the server applied (<see cref="TotalItems"/>, <see cref="PageSize"/>).
/// </summary>
internal sealed record PageCountSource(string? TotalPages, string? TotalItems, string? PageSize);
