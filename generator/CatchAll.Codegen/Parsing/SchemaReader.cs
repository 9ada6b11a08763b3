using System;
using System.Collections.Generic;
using System.Linq;
using CatchAll.Codegen.Diagnostics;
using CatchAll.Codegen.Model;
using Microsoft.OpenApi;

namespace CatchAll.Codegen.Parsing;

/// <summary>
/// Reads schemas into type uses (<see cref="TypeRef"/>): components first declared by name, then resolved on demand;
/// an inline object, enum or union is declared by the reader for its kind, named from where it appears.
/// </summary>
internal sealed class SchemaReader
{
    private static readonly TypeRef AnyRef = new(TypeKind.Any, false);

    private readonly SpecDiagnostics _diagnostics;
    private readonly DeclaredTypes _types;
    private readonly System.Threading.CancellationToken _cancellationToken;
    private readonly ObjectReader _objects;
    private readonly EnumReader _enums;
    private readonly UnionReader _unions;

    public SchemaReader(ParseContext context)
    {
        _diagnostics = context.Diagnostics;
        _types = context.Types;
        _cancellationToken = context.CancellationToken;
        _objects = new ObjectReader(context, this);
        _enums = new EnumReader(context, this);
        _unions = new UnionReader(context, this);
    }

    /// <summary>Names every component schema before any is resolved, so a reference finds its target in any order.</summary>
    public void DeclareComponents(IDictionary<string, IOpenApiSchema> schemas)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in schemas)
        {
            if (pair.Value is null)
            {
                // A schema key with nothing after it yet: the state of a spec being typed.
                _diagnostics.Report(DiagnosticIds.InvalidSpec, SpecDiagnostics.Pointer("components", "schemas", pair.Key), $"Schema '{pair.Key}' has no value; a schema object is expected");
                continue;
            }

            var kind = SchemaShapes.Classify(pair.Value);
            var info = new ComponentInfo(pair.Key, pair.Value, kind, SpecDiagnostics.Pointer("components", "schemas", pair.Key));
            if (kind != ComponentKind.Alias)
            {
                var wanted = Naming.Pascal(pair.Key);
                if (owners.TryGetValue(wanted, out var owner) || _types.Names.IsUsed(wanted))
                {
                    _diagnostics.Report(
                        DiagnosticIds.NameCollision,
                        info.Pointer,
                        $"Schemas '{owner ?? wanted}' and '{pair.Key}' both map to the C# type name '{wanted}'; rename one of them");
                }

                owners[wanted] = pair.Key;
                info.Name = _types.Names.Reserve(wanted);
                _types.Origins[info.Name] = TypeOrigin.Component(pair.Key, SchemaShapes.TypeNameOverride(pair.Value));
            }

            _types.Components[pair.Key] = info;
        }
    }

    /// <summary>The type a component maps to, declaring it on first use; an alias resolves to what it names.</summary>
    public TypeRef ResolveComponent(string id, string pointer)
    {
        if (!_types.Components.TryGetValue(id, out var info))
        {
            _diagnostics.Report(DiagnosticIds.UnresolvedReference, pointer, $"'$ref: #/components/schemas/{id}' does not resolve: no schema named '{id}'");
            return AnyRef.WithNullable(true);
        }

        if (info.Resolved is not null)
        {
            return info.Resolved;
        }

        switch (info.Kind)
        {
            case ComponentKind.Alias:
                if (info.Resolving)
                {
                    _diagnostics.Report(DiagnosticIds.UnsupportedConstruct, info.Pointer, $"Schema '{id}' is an alias of itself; it maps to JsonElement");
                    return AnyRef;
                }

                info.Resolving = true;
                info.Resolved = Resolve(info.Schema, Naming.Pascal(id), info.Pointer);
                return info.Resolved;
            case ComponentKind.Object:
                info.Resolved = new TypeRef(TypeKind.Named, false, info.Name, NamedKind.Object);
                _objects.DeclareObject(info.Name!, info.Schema, info.Pointer);
                return info.Resolved;
            case ComponentKind.Enum:
                info.Resolved = new TypeRef(TypeKind.Named, false, info.Name, NamedKind.Enum);
                _enums.DeclareEnum(info.Name!, info.Schema, info.Pointer);
                return info.Resolved;
            case ComponentKind.Union:
                info.Resolved = _unions.DeclareUnion(info.Name!, info.Schema, info.Pointer, reserved: true);
                return info.Resolved;
            default:
                info.Resolved = new TypeRef(TypeKind.Named, false, info.Name, NamedKind.PrimitiveUnion);
                _unions.DeclarePrimitiveUnion(info.Name!, info.Schema, info.Pointer);
                return info.Resolved;
        }
    }

    /// <summary>The C# type for a schema; inline types that need a declaration are named from the context.</summary>
    public TypeRef Resolve(IOpenApiSchema? schema, string contextName, string pointer)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (schema is null)
        {
            return AnyRef;
        }

        if (schema is OpenApiSchemaReference reference)
        {
            if (_types.LocalComponent(reference) is { } local)
            {
                return ResolveComponent(local.Id, pointer + "/$ref");
            }

            var id = reference.Reference?.Id;
            if (reference.UnresolvedReference || reference.Target is null || id is null)
            {
                _diagnostics.Report(DiagnosticIds.UnresolvedReference, pointer + "/$ref", $"'$ref: {reference.Reference?.ReferenceV3 ?? id}' does not resolve to a schema in this document");
                return AnyRef.WithNullable(true);
            }

            return ResolveComponent(id, pointer + "/$ref");
        }

        var nullable = schema.Type is { } type && (type & JsonSchemaType.Null) != 0;
        var variants = SchemaShapes.Variants(schema);
        if (variants.Count > 0)
        {
            var keyword = schema.OneOf is { Count: > 0 } ? "oneOf" : "anyOf";
            var nonNull = variants.Select((v, i) => (Schema: v, Index: i)).Where(v => !SchemaShapes.IsNullSchema(v.Schema)).ToList();
            nullable |= nonNull.Count < variants.Count;
            if (nonNull.Count == 1)
            {
                var inner = Resolve(nonNull[0].Schema, contextName, $"{pointer}/{keyword}/{nonNull[0].Index}");
                return inner.WithNullable(nullable || inner.Nullable);
            }

            if (nonNull.Count == 0)
            {
                return AnyRef.WithNullable(true);
            }

            if (SchemaShapes.HasDiscriminator(schema))
            {
                return _unions.DeclareUnion(contextName, schema, pointer, reserved: false).WithNullable(nullable);
            }

            if (nonNull.All(v => SchemaShapes.IsPrimitiveSchema(v.Schema)))
            {
                var name = _types.ReserveInline(schema, contextName);
                _unions.DeclarePrimitiveUnion(name, schema, pointer);
                return new TypeRef(TypeKind.Named, nullable, name, NamedKind.PrimitiveUnion);
            }

            _diagnostics.Report(DiagnosticIds.UnsupportedConstruct, pointer + "/" + keyword, $"A {keyword} of objects without a discriminator cannot be told apart; '{contextName}' maps to JsonElement");
            return AnyRef.WithNullable(nullable);
        }

        if (schema.AllOf is { Count: > 0 } allOf)
        {
            if (allOf.Count == 1 && (schema.Properties is null || schema.Properties.Count == 0))
            {
                var inner = Resolve(allOf[0], contextName, pointer + "/allOf/0");
                return inner.WithNullable(nullable || inner.Nullable);
            }

            var name = _types.ReserveInline(schema, contextName);
            _objects.DeclareObject(name, schema, pointer);
            return new TypeRef(TypeKind.Named, nullable, name, NamedKind.Object);
        }

        var primary = SchemaShapes.PrimaryType(schema);
        if (schema.Enum is { Count: > 0 } && primary == JsonSchemaType.String)
        {
            nullable |= schema.Enum.Any(SchemaShapes.IsNullNode);
            var name = _types.ReserveInline(schema, contextName);
            _enums.DeclareEnum(name, schema, pointer);
            return new TypeRef(TypeKind.Named, nullable, name, NamedKind.Enum);
        }

        switch (primary)
        {
            case JsonSchemaType.String:
                return new TypeRef(schema.Format switch
                {
                    "date-time" => TypeKind.DateTimeOffset,
                    "uuid" => TypeKind.Guid,
                    "date" => TypeKind.DateOnly,
                    "binary" => TypeKind.Binary,
                    _ => TypeKind.String,
                }, nullable);
            case JsonSchemaType.Integer:
                return new TypeRef(schema.Format == "int64" ? TypeKind.Int64 : TypeKind.Int32, nullable);
            case JsonSchemaType.Number:
                return new TypeRef(schema.Format == "float" ? TypeKind.Single : TypeKind.Double, nullable);
            case JsonSchemaType.Boolean:
                return new TypeRef(TypeKind.Boolean, nullable);
            case JsonSchemaType.Array:
                var element = Resolve(schema.Items, contextName + "Item", pointer + "/items");
                return new TypeRef(TypeKind.Array, nullable, Element: element);
        }

        if (primary == JsonSchemaType.Object || schema.Properties is { Count: > 0 })
        {
            if (schema.Properties is { Count: > 0 })
            {
                var name = _types.ReserveInline(schema, contextName);
                _objects.DeclareObject(name, schema, pointer);
                return new TypeRef(TypeKind.Named, nullable, name, NamedKind.Object);
            }

            var values = SchemaShapes.IsEmptySchema(schema.AdditionalProperties)
                ? AnyRef
                : Resolve(schema.AdditionalProperties, contextName + "Value", pointer + "/additionalProperties");
            return new TypeRef(TypeKind.Map, nullable, Element: values);
        }

        if (primary is not null && primary != JsonSchemaType.Null)
        {
            _diagnostics.Report(DiagnosticIds.UnsupportedConstruct, pointer + "/type", $"A type list with several non-null types is not supported; '{contextName}' maps to JsonElement");
        }

        return AnyRef.WithNullable(nullable);
    }

    public string? Describe(IOpenApiSchema? schema)
    {
        if (schema is null)
        {
            return null;
        }

        // A reference's own description wins over its target's (OpenAPI 3.1); the target comes from the component table.
        if (schema is OpenApiSchemaReference reference && _types.LocalComponent(reference) is { } local)
        {
            var own = reference.Reference.Description;
            return string.IsNullOrWhiteSpace(own) ? Describe(local.Schema) : own;
        }

        var text = schema.Description;
        if (string.IsNullOrWhiteSpace(text) && schema is OpenApiSchemaReference unresolved)
        {
            text = unresolved.Target?.Description;
        }

        return string.IsNullOrWhiteSpace(text) ? schema.Title : text;
    }
}
