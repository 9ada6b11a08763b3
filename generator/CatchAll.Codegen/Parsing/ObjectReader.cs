using System;
using System.Collections.Generic;
using System.Linq;
using CatchAll.Codegen.Diagnostics;
using CatchAll.Codegen.Model;
using Microsoft.OpenApi;

namespace CatchAll.Codegen.Parsing;

/// <summary>Reads an object schema (its allOf members flattened in) into an <see cref="ObjectDecl"/>.</summary>
internal sealed class ObjectReader : DeclarationReader
{
    public ObjectReader(ParseContext context, SchemaReader schemas)
        : base(context, schemas)
    {
    }

    public void DeclareObject(string name, IOpenApiSchema schema, string pointer)
    {
        var properties = new List<(string JsonName, IOpenApiSchema Schema, string Pointer)>();
        var required = new HashSet<string>(StringComparer.Ordinal);
        IOpenApiSchema? additional = null;
        string? additionalPointer = null;
        Flatten(schema, pointer, properties, required, ref additional, ref additionalPointer, depth: 0);

        var members = new UniqueNameBuilder(MemberNames.ObjectReservedMembers.Append(name));
        var declared = new List<PropertyDecl>();
        var outer = Types.Owner;
        Types.Owner = name;
        foreach (var (jsonName, propertySchema, propertyPointer) in properties)
        {
            var wanted = Naming.Pascal(jsonName);
            var memberName = members.Reserve(wanted == name ? wanted + "Value" : wanted);
            var type = Schemas.Resolve(propertySchema, name + Naming.Pascal(jsonName), propertyPointer);
            declared.Add(new PropertyDecl(
                jsonName,
                memberName,
                type,
                required.Contains(jsonName),
                Schemas.Describe(propertySchema),
                propertySchema.Default?.ToJsonString()));
        }

        TypeRef? additionalType = null;
        if (additional is not null && !SchemaShapes.IsEmptySchema(additional))
        {
            additionalType = Schemas.Resolve(additional, name + "Value", additionalPointer!);
        }

        Types.Owner = outer;

        Types.Decls[name] = new ObjectDecl
        {
            Name = name,
            Description = Schemas.Describe(schema),
            Properties = declared.ToEquatableArray(),
            AdditionalPropertiesType = additionalType,
            IsOpen = additional is not null && SchemaShapes.IsEmptySchema(additional),
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
            Diagnostics.Report(DiagnosticIds.UnsupportedConstruct, pointer, "allOf nests deeper than 32 levels (a cycle?)");
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
                    if (Types.LocalComponent(reference) is { } local)
                    {
                        Flatten(local.Schema, SpecDiagnostics.Pointer("components", "schemas", local.Id), properties, required, ref additional, ref additionalPointer, depth + 1);
                        continue;
                    }

                    if (reference.UnresolvedReference || reference.Target is null)
                    {
                        Diagnostics.Report(DiagnosticIds.UnresolvedReference, memberPointer + "/$ref", $"'$ref: {reference.Reference?.ReferenceV3}' does not resolve to a schema in this document");
                        continue;
                    }

                    var id = reference.Reference!.Id!;
                    Flatten(reference.Target, SpecDiagnostics.Pointer("components", "schemas", id), properties, required, ref additional, ref additionalPointer, depth + 1);
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
                    Diagnostics.Report(DiagnosticIds.InvalidSpec, $"{pointer}/properties/{YamlLocator.Escape(pair.Key)}", $"Property '{pair.Key}' has no value; a schema object is expected");
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
}
