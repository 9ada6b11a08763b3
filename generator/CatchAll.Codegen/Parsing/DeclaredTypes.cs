using System;
using System.Collections.Generic;
using CatchAll.Codegen.Model;
using Microsoft.OpenApi;

namespace CatchAll.Codegen.Parsing;

/// <summary>
/// The types one spec declares while it is read: its components, the declarations so far, the names taken and where
/// each came from (for the naming rules). Shared by the schema readers; the model is built from it at the end.
/// </summary>
internal sealed class DeclaredTypes
{
    public Dictionary<string, ComponentInfo> Components { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, TypeDecl> Decls { get; } = new(StringComparer.Ordinal);

    /// <summary>Discriminated unions by property and mapping: the same union written twice inline is declared once.</summary>
    public Dictionary<string, TypeRef> UnionsBySignature { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, TypeOrigin> Origins { get; } = new(StringComparer.Ordinal);

    /// <summary>Every type name taken so far; set once the names the client itself takes are known.</summary>
    public UniqueNameBuilder Names { get; set; } = new();

    /// <summary>The object whose properties are being resolved: an inline type declared meanwhile is named after it.</summary>
    public string? Owner { get; set; }

    /// <summary>The object model a <see cref="NamedKind.Object"/> reference names; the readers declared it as one.</summary>
    public ObjectDecl Object(string name) => (ObjectDecl)Decls[name];

    /// <summary>
    /// Reserves a name for an inline type and remembers where it came from, so the naming rules can name it again
    /// after its owner is renamed: the x-catchall-type-name it declares, or its owner and the rest of the context.
    /// </summary>
    public string ReserveInline(IOpenApiSchema schema, string contextName)
    {
        var wanted = SchemaShapes.TypeNameOverride(schema);
        var name = Names.Reserve(wanted ?? contextName);
        Origins[name] = wanted is not null
            ? TypeOrigin.Fixed(wanted, isOverride: true)
            : Owner is { } owner && contextName.Length > owner.Length && contextName.StartsWith(owner, StringComparison.Ordinal)
                ? TypeOrigin.Inline(owner, contextName.Substring(owner.Length))
                : TypeOrigin.Fixed(contextName, isOverride: false);
        return name;
    }

    /// <summary>
    /// The component a local <c>#/components/schemas/...</c> reference names, straight from the component table.
    /// Asking the reference for its target or any member resolves it through the document on every access, which
    /// was a tenth of parsing the bundled spec; null for any other reference, which takes that slower path.
    /// </summary>
    public ComponentInfo? LocalComponent(OpenApiSchemaReference reference) =>
        reference.Reference is { IsExternal: false, Type: ReferenceType.Schema, Id: { } id }
        && reference.Reference.ReferenceV3 == "#/components/schemas/" + id
        && Components.TryGetValue(id, out var info)
            ? info
            : null;
}
