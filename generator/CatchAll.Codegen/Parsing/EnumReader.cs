using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using CatchAll.Codegen.Diagnostics;
using CatchAll.Codegen.Model;
using Microsoft.OpenApi;

namespace CatchAll.Codegen.Parsing;

/// <summary>Reads a string enum schema into an open enum (<see cref="EnumDecl"/>); null and repeated values are skipped.</summary>
internal sealed class EnumReader : DeclarationReader
{
    public EnumReader(ParseContext context, SchemaReader schemas)
        : base(context, schemas)
    {
    }

    public void DeclareEnum(string name, IOpenApiSchema schema, string pointer)
    {
        var members = new UniqueNameBuilder(MemberNames.EnumReservedMembers.Append(name));
        var values = new List<EnumValueDecl>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in schema.Enum!)
        {
            if (SchemaShapes.IsNullNode(node))
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
            Diagnostics.Report(DiagnosticIds.UnsupportedConstruct, pointer + "/enum", $"Enum '{name}' has no string values");
        }

        Types.Decls[name] = new EnumDecl
        {
            Name = name,
            Description = Schemas.Describe(schema),
            Values = values.ToEquatableArray(),
        };
    }
}
