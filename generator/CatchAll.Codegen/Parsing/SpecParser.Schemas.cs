using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using CatchAll.Codegen.Diagnostics;
using CatchAll.Codegen.Model;
using Microsoft.OpenApi;

namespace CatchAll.Codegen.Parsing;

internal sealed partial class SpecParser
{
    private const string TypeNameExtension = "x-catchall-type-name";

    private static readonly TypeRef AnyRef = new(TypeKind.Any, false);

    private readonly Dictionary<string, ComponentInfo> _components = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeDecl> _decls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeRef> _unionsBySignature = new(StringComparer.Ordinal);
    private UniqueNameBuilder _typeNames = new();
    private readonly Dictionary<string, TypeOrigin> _origins = new(StringComparer.Ordinal);

    // The object whose properties are being resolved: an inline type declared meanwhile is named after it.
    private string? _owner;

    private enum ComponentKind
    {
        Alias,
        Object,
        Enum,
        Union,
        PrimitiveUnion,
    }

    private void DeclareComponents(IDictionary<string, IOpenApiSchema> schemas)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in schemas)
        {
            if (pair.Value is null)
            {
                // A schema key with nothing after it yet: the state of a spec being typed.
                Report(DiagnosticIds.InvalidSpec, Pointer("components", "schemas", pair.Key), $"Schema '{pair.Key}' has no value; a schema object is expected");
                continue;
            }

            var kind = Classify(pair.Value);
            var info = new ComponentInfo(pair.Key, pair.Value, kind, Pointer("components", "schemas", pair.Key));
            if (kind != ComponentKind.Alias)
            {
                var wanted = Naming.Pascal(pair.Key);
                if (owners.TryGetValue(wanted, out var owner) || _typeNames.IsUsed(wanted))
                {
                    Report(
                        DiagnosticIds.NameCollision,
                        info.Pointer,
                        $"Schemas '{owner ?? wanted}' and '{pair.Key}' both map to the C# type name '{wanted}'; rename one of them");
                }

                owners[wanted] = pair.Key;
                info.Name = _typeNames.Reserve(wanted);
                _origins[info.Name] = TypeOrigin.Component(pair.Key, TypeNameOverride(pair.Value));
            }

            _components[pair.Key] = info;
        }
    }

    private static ComponentKind Classify(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchemaReference)
        {
            return ComponentKind.Alias;
        }

        var variants = Variants(schema);
        if (variants.Count > 0)
        {
            var nonNull = variants.Where(v => !IsNullSchema(v)).ToList();
            if (nonNull.Count <= 1)
            {
                return ComponentKind.Alias;
            }

            if (HasDiscriminator(schema))
            {
                return ComponentKind.Union;
            }

            return nonNull.All(IsPrimitiveSchema) ? ComponentKind.PrimitiveUnion : ComponentKind.Alias;
        }

        if (schema.AllOf is { Count: > 0 })
        {
            return schema.AllOf.Count == 1 && (schema.Properties is null || schema.Properties.Count == 0)
                ? ComponentKind.Alias
                : ComponentKind.Object;
        }

        var primary = PrimaryType(schema);
        if (schema.Enum is { Count: > 0 } && primary == JsonSchemaType.String)
        {
            return ComponentKind.Enum;
        }

        if (primary == JsonSchemaType.Object || schema.Properties is { Count: > 0 })
        {
            return ComponentKind.Object;
        }

        return ComponentKind.Alias;
    }

    private TypeRef ResolveComponent(string id, string pointer)
    {
        if (!_components.TryGetValue(id, out var info))
        {
            Report(DiagnosticIds.UnresolvedReference, pointer, $"'$ref: #/components/schemas/{id}' does not resolve: no schema named '{id}'");
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
                    Report(DiagnosticIds.UnsupportedConstruct, info.Pointer, $"Schema '{id}' is an alias of itself; it maps to JsonElement");
                    return AnyRef;
                }

                info.Resolving = true;
                info.Resolved = Resolve(info.Schema, Naming.Pascal(id), info.Pointer);
                return info.Resolved;
            case ComponentKind.Object:
                info.Resolved = new TypeRef(TypeKind.Named, false, info.Name, NamedKind.Object);
                DeclareObject(info.Name!, info.Schema, info.Pointer);
                return info.Resolved;
            case ComponentKind.Enum:
                info.Resolved = new TypeRef(TypeKind.Named, false, info.Name, NamedKind.Enum);
                DeclareEnum(info.Name!, info.Schema, info.Pointer);
                return info.Resolved;
            case ComponentKind.Union:
                info.Resolved = DeclareUnion(info.Name!, info.Schema, info.Pointer, reserved: true);
                return info.Resolved;
            default:
                info.Resolved = new TypeRef(TypeKind.Named, false, info.Name, NamedKind.PrimitiveUnion);
                DeclarePrimitiveUnion(info.Name!, info.Schema, info.Pointer);
                return info.Resolved;
        }
    }

    /// <summary>The C# type for a schema; inline types that need a declaration are named from the context.</summary>
    private TypeRef Resolve(IOpenApiSchema? schema, string contextName, string pointer)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (schema is null)
        {
            return AnyRef;
        }

        if (schema is OpenApiSchemaReference reference)
        {
            if (LocalComponent(reference) is { } local)
            {
                return ResolveComponent(local.Id, pointer + "/$ref");
            }

            var id = reference.Reference?.Id;
            if (reference.UnresolvedReference || reference.Target is null || id is null)
            {
                Report(DiagnosticIds.UnresolvedReference, pointer + "/$ref", $"'$ref: {reference.Reference?.ReferenceV3 ?? id}' does not resolve to a schema in this document");
                return AnyRef.WithNullable(true);
            }

            return ResolveComponent(id, pointer + "/$ref");
        }

        var nullable = schema.Type is { } type && (type & JsonSchemaType.Null) != 0;
        var variants = Variants(schema);
        if (variants.Count > 0)
        {
            var keyword = schema.OneOf is { Count: > 0 } ? "oneOf" : "anyOf";
            var nonNull = variants.Select((v, i) => (Schema: v, Index: i)).Where(v => !IsNullSchema(v.Schema)).ToList();
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

            if (HasDiscriminator(schema))
            {
                return DeclareUnion(contextName, schema, pointer, reserved: false).WithNullable(nullable);
            }

            if (nonNull.All(v => IsPrimitiveSchema(v.Schema)))
            {
                var name = ReserveInline(schema, contextName);
                DeclarePrimitiveUnion(name, schema, pointer);
                return new TypeRef(TypeKind.Named, nullable, name, NamedKind.PrimitiveUnion);
            }

            Report(DiagnosticIds.UnsupportedConstruct, pointer + "/" + keyword, $"A {keyword} of objects without a discriminator cannot be told apart; '{contextName}' maps to JsonElement");
            return AnyRef.WithNullable(nullable);
        }

        if (schema.AllOf is { Count: > 0 } allOf)
        {
            if (allOf.Count == 1 && (schema.Properties is null || schema.Properties.Count == 0))
            {
                var inner = Resolve(allOf[0], contextName, pointer + "/allOf/0");
                return inner.WithNullable(nullable || inner.Nullable);
            }

            var name = ReserveInline(schema, contextName);
            DeclareObject(name, schema, pointer);
            return new TypeRef(TypeKind.Named, nullable, name, NamedKind.Object);
        }

        var primary = PrimaryType(schema);
        if (schema.Enum is { Count: > 0 } && primary == JsonSchemaType.String)
        {
            nullable |= schema.Enum.Any(IsNullNode);
            var name = ReserveInline(schema, contextName);
            DeclareEnum(name, schema, pointer);
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
                var name = ReserveInline(schema, contextName);
                DeclareObject(name, schema, pointer);
                return new TypeRef(TypeKind.Named, nullable, name, NamedKind.Object);
            }

            var values = IsEmptySchema(schema.AdditionalProperties)
                ? AnyRef
                : Resolve(schema.AdditionalProperties, contextName + "Value", pointer + "/additionalProperties");
            return new TypeRef(TypeKind.Map, nullable, Element: values);
        }

        if (primary is not null && primary != JsonSchemaType.Null)
        {
            Report(DiagnosticIds.UnsupportedConstruct, pointer + "/type", $"A type list with several non-null types is not supported; '{contextName}' maps to JsonElement");
        }

        return AnyRef.WithNullable(nullable);
    }

    private void DeclareObject(string name, IOpenApiSchema schema, string pointer)
    {
        var properties = new List<(string JsonName, IOpenApiSchema Schema, string Pointer)>();
        var required = new HashSet<string>(StringComparer.Ordinal);
        IOpenApiSchema? additional = null;
        string? additionalPointer = null;
        Flatten(schema, pointer, properties, required, ref additional, ref additionalPointer, depth: 0);

        var members = new UniqueNameBuilder(ObjectReservedMembers.Append(name));
        var declared = new List<PropertyDecl>();
        var outer = _owner;
        _owner = name;
        foreach (var (jsonName, propertySchema, propertyPointer) in properties)
        {
            var wanted = Naming.Pascal(jsonName);
            var memberName = members.Reserve(wanted == name ? wanted + "Value" : wanted);
            var type = Resolve(propertySchema, name + Naming.Pascal(jsonName), propertyPointer);
            declared.Add(new PropertyDecl(
                jsonName,
                memberName,
                type,
                required.Contains(jsonName),
                Describe(propertySchema),
                propertySchema.Default?.ToJsonString()));
        }

        TypeRef? additionalType = null;
        if (additional is not null && !IsEmptySchema(additional))
        {
            additionalType = Resolve(additional, name + "Value", additionalPointer!);
        }

        _owner = outer;

        _decls[name] = new ObjectDecl
        {
            Name = name,
            Description = Describe(schema),
            Properties = declared.ToEquatableArray(),
            AdditionalPropertiesType = additionalType,
            IsOpen = additional is not null && IsEmptySchema(additional),
        };
    }

    private void Flatten(
        IOpenApiSchema schema,
        string pointer,
        List<(string, IOpenApiSchema, string)> properties,
        HashSet<string> required,
        ref IOpenApiSchema? additional,
        ref string? additionalPointer,
        int depth)
    {
        if (depth > 32)
        {
            Report(DiagnosticIds.UnsupportedConstruct, pointer, "allOf nests deeper than 32 levels (a cycle?)");
            return;
        }

        if (schema.AllOf is { Count: > 0 })
        {
            for (var i = 0; i < schema.AllOf.Count; i++)
            {
                var member = schema.AllOf[i];
                var memberPointer = $"{pointer}/allOf/{i}";
                if (member is OpenApiSchemaReference reference)
                {
                    if (LocalComponent(reference) is { } local)
                    {
                        Flatten(local.Schema, Pointer("components", "schemas", local.Id), properties, required, ref additional, ref additionalPointer, depth + 1);
                        continue;
                    }

                    if (reference.UnresolvedReference || reference.Target is null)
                    {
                        Report(DiagnosticIds.UnresolvedReference, memberPointer + "/$ref", $"'$ref: {reference.Reference?.ReferenceV3}' does not resolve to a schema in this document");
                        continue;
                    }

                    var id = reference.Reference!.Id!;
                    Flatten(reference.Target, Pointer("components", "schemas", id), properties, required, ref additional, ref additionalPointer, depth + 1);
                }
                else
                {
                    Flatten(member, memberPointer, properties, required, ref additional, ref additionalPointer, depth + 1);
                }
            }
        }

        if (schema.Properties is not null)
        {
            foreach (var pair in schema.Properties)
            {
                if (pair.Value is null)
                {
                    Report(DiagnosticIds.InvalidSpec, $"{pointer}/properties/{YamlLocator.Escape(pair.Key)}", $"Property '{pair.Key}' has no value; a schema object is expected");
                    continue;
                }

                var entry = (pair.Key, pair.Value, $"{pointer}/properties/{YamlLocator.Escape(pair.Key)}");
                var existing = properties.FindIndex(p => p.Item1 == pair.Key);
                if (existing >= 0)
                {
                    properties[existing] = entry;
                }
                else
                {
                    properties.Add(entry);
                }
            }
        }

        if (schema.Required is not null)
        {
            required.UnionWith(schema.Required);
        }

        if (schema.AdditionalProperties is not null)
        {
            additional = schema.AdditionalProperties;
            additionalPointer = pointer + "/additionalProperties";
        }
    }

    private void DeclareEnum(string name, IOpenApiSchema schema, string pointer)
    {
        var members = new UniqueNameBuilder(EnumReservedMembers.Append(name));
        var values = new List<EnumValueDecl>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in schema.Enum!)
        {
            if (IsNullNode(node))
            {
                continue;
            }

            var wire = node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node!.ToJsonString();
            if (!seen.Add(wire))
            {
                continue;
            }

            var wanted = Naming.Pascal(wire);
            values.Add(new EnumValueDecl(wire, members.Reserve(wanted == name ? wanted + "Value" : wanted)));
        }

        if (values.Count == 0)
        {
            Report(DiagnosticIds.UnsupportedConstruct, pointer + "/enum", $"Enum '{name}' has no string values");
        }

        _decls[name] = new EnumDecl
        {
            Name = name,
            Description = Describe(schema),
            Values = values.ToEquatableArray(),
        };
    }

    private TypeRef DeclareUnion(string wantedName, IOpenApiSchema schema, string pointer, bool reserved)
    {
        var discriminator = schema.Discriminator!;
        var keyword = schema.OneOf is { Count: > 0 } ? "oneOf" : "anyOf";
        var mapping = new List<(string Key, string Id)>();
        if (discriminator.Mapping is { Count: > 0 })
        {
            foreach (var pair in discriminator.Mapping)
            {
                var id = pair.Value?.Reference?.Id;
                if (id is null || pair.Value!.UnresolvedReference || !_components.ContainsKey(id))
                {
                    Report(DiagnosticIds.UnresolvedReference, $"{pointer}/discriminator/mapping/{YamlLocator.Escape(pair.Key)}", $"Discriminator mapping '{pair.Key}' does not resolve to a schema in this document");
                    continue;
                }

                mapping.Add((pair.Key, id));
            }
        }
        else
        {
            // Without a mapping OpenAPI uses each variant's component name as its key.
            foreach (var variant in Variants(schema))
            {
                if (variant is OpenApiSchemaReference { Reference.Id: { } id } && _components.ContainsKey(id))
                {
                    mapping.Add((id, id));
                }
            }
        }

        var signature = discriminator.PropertyName + ":" + string.Join(",", mapping.Select(m => m.Key + "=" + m.Id));
        if (_unionsBySignature.TryGetValue(signature, out var existing))
        {
            return existing;
        }

        var name = reserved ? wantedName : ReserveInline(schema, wantedName);
        var unknownName = _typeNames.Reserve("Unknown" + name);
        var result = new TypeRef(TypeKind.Named, false, name, NamedKind.Union);
        _unionsBySignature[signature] = result;

        var variants = new List<UnionVariantDecl>();
        var members = new UniqueNameBuilder(new[] { name });
        foreach (var (key, id) in mapping)
        {
            var variantRef = ResolveComponent(id, $"{pointer}/discriminator/mapping");
            if (variantRef.NamedKind != NamedKind.Object || !_decls.TryGetValue(variantRef.Name!, out var found) || found is not ObjectDecl variantDecl)
            {
                Report(DiagnosticIds.UnsupportedConstruct, $"{pointer}/{keyword}", $"Union variant '{id}' is not an object schema");
                continue;
            }

            if (variantDecl.BaseUnion is not null && variantDecl.BaseUnion != name)
            {
                Report(DiagnosticIds.UnsupportedConstruct, $"{pointer}/{keyword}", $"Schema '{id}' is a variant of two different unions ('{variantDecl.BaseUnion}' and '{name}'); C# allows one base type");
                continue;
            }

            // The variant's discriminator becomes the base's Kind; drop the inline enum made for it.
            var discriminatorProperty = variantDecl.Properties.FirstOrDefault(p => p.JsonName == discriminator.PropertyName);
            if (discriminatorProperty?.Type is { NamedKind: NamedKind.Enum, Name: { } enumName }
                && enumName == variantDecl.Name + Naming.Pascal(discriminator.PropertyName ?? string.Empty))
            {
                _decls.Remove(enumName);
            }

            _decls[variantDecl.Name] = variantDecl with
            {
                BaseUnion = name,
                DiscriminatorValue = key,
                Properties = VariantProperties(variantDecl, discriminator.PropertyName, UnionKindMember(name)),
            };
            variants.Add(new UnionVariantDecl(key, members.Reserve(Naming.Pascal(key)), variantRef));
        }

        _decls[name] = new UnionDecl
        {
            Name = name,
            Description = Describe(schema),
            Variants = variants.ToEquatableArray(),
            DiscriminatorProperty = discriminator.PropertyName!,
            UnknownVariant = unknownName,
        };
        return result;
    }

    private void DeclarePrimitiveUnion(string name, IOpenApiSchema schema, string pointer)
    {
        var variants = new List<UnionVariantDecl>();
        var kinds = new HashSet<TypeKind>();
        var index = 0;
        foreach (var variant in Variants(schema))
        {
            var variantPointer = $"{pointer}/oneOf/{index++}";
            if (IsNullSchema(variant))
            {
                continue;
            }

            var type = Resolve(variant, name, variantPointer);
            var (kind, member) = PrimitiveMember(type.Kind);
            if (!kinds.Add(kind))
            {
                Report(DiagnosticIds.UnsupportedConstruct, variantPointer, $"Union '{name}' has two variants of the same JSON kind; the first one wins");
                continue;
            }

            variants.Add(new UnionVariantDecl(member, member, new TypeRef(kind, false)));
        }

        _decls[name] = new PrimitiveUnionDecl
        {
            Name = name,
            Description = Describe(schema),
            Variants = variants.ToEquatableArray(),
        };
    }

    /// <summary>The union base's discriminator member; the emitter names it the same way.</summary>
    /// <summary>Members an object's own properties may not take: the emitted type declares them.</summary>
    internal static readonly string[] ObjectReservedMembers = { "AdditionalProperties", "JsonConverter" };

    /// <summary>Members an open enum's values may not take: the emitted struct declares or inherits them.</summary>
    internal static readonly string[] EnumReservedMembers = { "IsKnown", "KnownValues", "Equals", "GetHashCode", "ToString", "GetType", "JsonConverter" };

    /// <summary>A variant's properties without the discriminator; one named like the base's Kind member is renamed.</summary>
    private static EquatableArray<PropertyDecl> VariantProperties(ObjectDecl variant, string? discriminator, string kindMember)
    {
        var kept = variant.Properties.Where(p => p.JsonName != discriminator).ToList();
        var names = RenameClashingMember(kept.Select(p => p.Name).ToList(), kindMember, ObjectReservedMembers.Append(variant.Name));
        return kept.Zip(names, (p, member) => p with { Name = member }).ToEquatableArray();
    }

    internal static string UnionKindMember(string unionName) => unionName == "Kind" ? "KindValue" : "Kind";

    private static (TypeKind Kind, string Member) PrimitiveMember(TypeKind kind) => kind switch
    {
        TypeKind.Int32 or TypeKind.Int64 => (TypeKind.Int64, "Integer"),
        TypeKind.Single or TypeKind.Double => (TypeKind.Double, "Number"),
        TypeKind.Boolean => (TypeKind.Boolean, "Boolean"),
        _ => (TypeKind.String, "String"),
    };

    /// <summary>
    /// Reserves a name for an inline type and remembers where it came from, so the naming rules can name it again
    /// after its owner is renamed: the x-catchall-type-name it declares, or its owner and the rest of the context.
    /// </summary>
    private string ReserveInline(IOpenApiSchema schema, string contextName)
    {
        var wanted = TypeNameOverride(schema);
        var name = _typeNames.Reserve(wanted ?? contextName);
        _origins[name] = wanted is not null
            ? TypeOrigin.Fixed(wanted, isOverride: true)
            : _owner is { } owner && contextName.Length > owner.Length && contextName.StartsWith(owner, StringComparison.Ordinal)
                ? TypeOrigin.Inline(owner, contextName.Substring(owner.Length))
                : TypeOrigin.Fixed(contextName, isOverride: false);
        return name;
    }

    /// <summary>A discriminator without a property name tells nothing apart; the union is treated as having none.</summary>
    private static bool HasDiscriminator(IOpenApiSchema schema) =>
        !string.IsNullOrWhiteSpace(schema.Discriminator?.PropertyName);

    private static string? TypeNameOverride(IOpenApiSchema schema) =>
        schema is not OpenApiSchemaReference
        && schema.Extensions is not null
        && schema.Extensions.TryGetValue(TypeNameExtension, out var extension)
        && extension is JsonNodeExtension { Node: JsonValue value }
        && value.TryGetValue<string>(out var text)
        && !string.IsNullOrWhiteSpace(text)
            ? Naming.Pascal(text)
            : null;

    private static IList<IOpenApiSchema> Variants(IOpenApiSchema schema) =>
        schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf ?? (IList<IOpenApiSchema>)Array.Empty<IOpenApiSchema>();

    private static JsonSchemaType? PrimaryType(IOpenApiSchema schema) =>
        schema.Type is { } type ? type & ~JsonSchemaType.Null : null;

    private static bool IsNullSchema(IOpenApiSchema schema) =>
        schema is not OpenApiSchemaReference && schema.Type == JsonSchemaType.Null;

    private static bool IsPrimitiveSchema(IOpenApiSchema schema) =>
        schema is not OpenApiSchemaReference
        && PrimaryType(schema) is JsonSchemaType.String or JsonSchemaType.Integer or JsonSchemaType.Number or JsonSchemaType.Boolean
        && schema.Enum is not { Count: > 0 };

    private static bool IsEmptySchema(IOpenApiSchema? schema) =>
        schema is null
        || (schema is not OpenApiSchemaReference
            && schema.Type is null
            && schema.Properties is not { Count: > 0 }
            && schema.OneOf is not { Count: > 0 }
            && schema.AnyOf is not { Count: > 0 }
            && schema.AllOf is not { Count: > 0 }
            && schema.Items is null
            && schema.Enum is not { Count: > 0 });

    private static bool IsNullNode(JsonNode? node) =>
        node is null
        || (node is JsonValue value && value.TryGetValue<string>(out var text) && text.StartsWith("openapi-json-null-sentinel-value", StringComparison.Ordinal));

    private string? Describe(IOpenApiSchema? schema)
    {
        if (schema is null)
        {
            return null;
        }

        // A reference's own description wins over its target's (OpenAPI 3.1); the target comes from the component table.
        if (schema is OpenApiSchemaReference reference && LocalComponent(reference) is { } local)
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

    /// <summary>
    /// The component a local <c>#/components/schemas/...</c> reference names, straight from the component table.
    /// Asking the reference for its target or any member resolves it through the document on every access, which
    /// was a tenth of parsing the bundled spec; null for any other reference, which takes that slower path.
    /// </summary>
    private ComponentInfo? LocalComponent(OpenApiSchemaReference reference) =>
        reference.Reference is { IsExternal: false, Type: ReferenceType.Schema, Id: { } id }
        && reference.Reference.ReferenceV3 == "#/components/schemas/" + id
        && _components.TryGetValue(id, out var info)
            ? info
            : null;

    private sealed class ComponentInfo
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
}
