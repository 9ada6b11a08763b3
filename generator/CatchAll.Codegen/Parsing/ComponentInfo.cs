using CatchAll.Codegen.Model;
using Microsoft.OpenApi;

namespace CatchAll.Codegen.Parsing;

/// <summary>What a component schema declares: an alias of another type, or a type of its own.</summary>
internal enum ComponentKind
{
    Alias,
    Object,
    Enum,
    Union,
    PrimitiveUnion,
}

/// <summary>A component schema: declared by name before any is resolved, so references in any order find it.</summary>
internal sealed class ComponentInfo
{
    public ComponentInfo(string id, IOpenApiSchema schema, ComponentKind kind, string pointer)
    {
        Id = id;
        Schema = schema;
        Kind = kind;
        Pointer = pointer;
    }

    public string Id { get; }

    public IOpenApiSchema Schema { get; }

    public ComponentKind Kind { get; }

    public string Pointer { get; }

    public string? Name { get; set; }

    public TypeRef? Resolved { get; set; }

    public bool Resolving { get; set; }
}
