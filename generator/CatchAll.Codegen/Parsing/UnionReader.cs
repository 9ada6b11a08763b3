using System;
using System.Collections.Generic;
using System.Linq;
using CatchAll.Codegen.Diagnostics;
using CatchAll.Codegen.Model;
using Microsoft.OpenApi;

namespace CatchAll.Codegen.Parsing;

/// <summary>
/// Reads a oneOf/anyOf: with a discriminator, into a <see cref="UnionDecl"/> whose variants become its derived
/// objects; of primitive kinds only, into a <see cref="PrimitiveUnionDecl"/>.
/// </summary>
internal sealed class UnionReader : DeclarationReader
{
    public UnionReader(ParseContext context, SchemaReader schemas)
        : base(context, schemas)
    {
    }

    public TypeRef DeclareUnion(string wantedName, IOpenApiSchema schema, string pointer, bool reserved)
    {
        var discriminator = schema.Discriminator!;
        var keyword = schema.OneOf is { Count: > 0 } ? "oneOf" : "anyOf";
        var mapping = new List<(string Key, string Id)>();
        if (discriminator.Mapping is { Count: > 0 })
        {
            foreach (var pair in discriminator.Mapping)
            {
                var id = pair.Value?.Reference?.Id;
                if (id is null || pair.Value!.UnresolvedReference || !Types.Components.ContainsKey(id))
                {
                    Diagnostics.Report(DiagnosticIds.UnresolvedReference, $"{pointer}/discriminator/mapping/{YamlLocator.Escape(pair.Key)}", $"Discriminator mapping '{pair.Key}' does not resolve to a schema in this document");
                    continue;
                }

                mapping.Add((pair.Key, id));
            }
        }
        else
        {
            // Without a mapping OpenAPI uses each variant's component name as its key.
            foreach (var variant in SchemaShapes.Variants(schema))
            {
                if (variant is OpenApiSchemaReference { Reference.Id: { } id } && Types.Components.ContainsKey(id))
                {
                    mapping.Add((id, id));
                }
            }
        }

        var signature = discriminator.PropertyName + ":" + string.Join(",", mapping.Select(m => m.Key + "=" + m.Id));
        if (Types.UnionsBySignature.TryGetValue(signature, out var existing))
        {
            return existing;
        }

        var name = reserved ? wantedName : Types.ReserveInline(schema, wantedName);
        var unknownName = Types.Names.Reserve("Unknown" + name);
        var result = new TypeRef(TypeKind.Named, false, name, NamedKind.Union);
        Types.UnionsBySignature[signature] = result;

        var variants = new List<UnionVariantDecl>();
        var members = new UniqueNameBuilder(new[] { name });
        foreach (var (key, id) in mapping)
        {
            var variantRef = Schemas.ResolveComponent(id, $"{pointer}/discriminator/mapping");
            if (variantRef.NamedKind != NamedKind.Object || !Types.Decls.TryGetValue(variantRef.Name!, out var found) || found is not ObjectDecl variantDecl)
            {
                Diagnostics.Report(DiagnosticIds.UnsupportedConstruct, $"{pointer}/{keyword}", $"Union variant '{id}' is not an object schema");
                continue;
            }

            if (variantDecl.BaseUnion is not null && variantDecl.BaseUnion != name)
            {
                Diagnostics.Report(DiagnosticIds.UnsupportedConstruct, $"{pointer}/{keyword}", $"Schema '{id}' is a variant of two different unions ('{variantDecl.BaseUnion}' and '{name}'); C# allows one base type");
                continue;
            }

            // The variant's discriminator becomes the base's Kind; drop the inline enum made for it.
            var discriminatorProperty = variantDecl.Properties.FirstOrDefault(p => p.JsonName == discriminator.PropertyName);
            if (discriminatorProperty?.Type is { NamedKind: NamedKind.Enum, Name: { } enumName }
                && enumName == variantDecl.Name + Naming.Pascal(discriminator.PropertyName ?? string.Empty))
            {
                Types.Decls.Remove(enumName);
            }

            Types.Decls[variantDecl.Name] = variantDecl with
            {
                BaseUnion = name,
                DiscriminatorValue = key,
                Properties = VariantProperties(variantDecl, discriminator.PropertyName, MemberNames.UnionKindMember(name)),
            };
            variants.Add(new UnionVariantDecl(key, members.Reserve(Naming.Pascal(key)), variantRef));
        }

        Types.Decls[name] = new UnionDecl
        {
            Name = name,
            Description = Schemas.Describe(schema),
            Variants = variants.ToEquatableArray(),
            DiscriminatorProperty = discriminator.PropertyName!,
            UnknownVariant = unknownName,
        };
        return result;
    }

    public void DeclarePrimitiveUnion(string name, IOpenApiSchema schema, string pointer)
    {
        var variants = new List<UnionVariantDecl>();
        var kinds = new HashSet<TypeKind>();
        var index = 0;
        foreach (var variant in SchemaShapes.Variants(schema))
        {
            var variantPointer = $"{pointer}/oneOf/{index++}";
            if (SchemaShapes.IsNullSchema(variant))
            {
                continue;
            }

            var type = Schemas.Resolve(variant, name, variantPointer);
            var (kind, member) = PrimitiveMember(type.Kind);
            if (!kinds.Add(kind))
            {
                Diagnostics.Report(DiagnosticIds.UnsupportedConstruct, variantPointer, $"Union '{name}' has two variants of the same JSON kind; the first one wins");
                continue;
            }

            variants.Add(new UnionVariantDecl(member, member, new TypeRef(kind, false)));
        }

        Types.Decls[name] = new PrimitiveUnionDecl
        {
            Name = name,
            Description = Schemas.Describe(schema),
            Variants = variants.ToEquatableArray(),
        };
    }

    /// <summary>A variant's properties without the discriminator; one named like the base's Kind member is renamed.</summary>
    private static EquatableArray<PropertyDecl> VariantProperties(ObjectDecl variant, string? discriminator, string kindMember)
    {
        var kept = variant.Properties.Where(p => p.JsonName != discriminator).ToList();
        var names = MemberNames.RenameClashingMember(kept.Select(p => p.Name).ToList(), kindMember, MemberNames.ObjectReservedMembers.Append(variant.Name));
        return kept.Zip(names, (p, member) => p with { Name = member }).ToEquatableArray();
    }

    private static (TypeKind Kind, string Member) PrimitiveMember(TypeKind kind) => kind switch
    {
        TypeKind.Int32 or TypeKind.Int64 => (TypeKind.Int64, "Integer"),
        TypeKind.Single or TypeKind.Double => (TypeKind.Double, "Number"),
        TypeKind.Boolean => (TypeKind.Boolean, "Boolean"),
        _ => (TypeKind.String, "String"),
    };
}
