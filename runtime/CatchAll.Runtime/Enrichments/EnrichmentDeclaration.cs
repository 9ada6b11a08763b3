using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CatchAll;

/// <summary>
/// Writes C# source for a <c>[CatchAllEnrichments]</c> type from enrichment fields, typically the ones the
/// initialize operation suggests (the generated <c>InitializeResponse.ToCSharpDeclaration</c> calls this), so a
/// user starts from the service's field names instead of typing them. The text compiles as it is: names the
/// generator would not derive back are pinned with <c>Name</c>, descriptions are escaped, and an option whose
/// description lists its values gets an enum declared alongside.
/// </summary>
public static partial class EnrichmentDeclaration
{
    /// <summary>Writes a <c>[CatchAllEnrichments]</c> partial type with one property per field.</summary>
    /// <param name="fields">The fields, in order (name, description and wire type each).</param>
    /// <param name="typeName">The C# name of the type to declare (a keyword is escaped with <c>@</c>).</param>
    /// <param name="namespace">The namespace to declare it in, or null for none.</param>
    /// <param name="modelsNamespace">The namespace of the generated models (for <c>CompanyEnrichmentOutput</c>), e.g. <c>CatchAll.Models</c>.</param>
    /// <param name="modernTarget">True for a consumer with <c>DateOnly</c> and C# 9 (a record with <c>init</c>); false writes a class with <c>set</c> and <c>DateTime</c>.</param>
    /// <returns>The source text, with \n line endings.</returns>
    /// <exception cref="ArgumentException">The type name or namespace is not a C# identifier (or dotted identifiers), or the type name would hide a type the declaration uses.</exception>
    public static string ToCSharp(IEnumerable<EnrichmentField> fields, string typeName, string? @namespace, string modelsNamespace, bool modernTarget)
    {
        if (fields is null)
        {
            throw new ArgumentNullException(nameof(fields));
        }

        var type = TypeIdentifier(typeName);
        var ns = @namespace is null ? null : DottedName(@namespace, nameof(@namespace));
        var models = DottedName(modelsNamespace ?? throw new ArgumentNullException(nameof(modelsNamespace)), nameof(modelsNamespace));

        var members = new HashSet<string>(StringComparer.Ordinal) { Bare(type) };
        members.UnionWith(ReservedMembers);
        // A name the service suggested in snake_case is kept as it is; the others get a snake_case form no kept one has.
        var list = new List<EnrichmentField>();
        foreach (var field in fields)
        {
            if (field is not null)
            {
                list.Add(field);
            }
        }

        // The record's own members and the CSV export's columns (a company adds <name>_confidence) are not free either.
        var wires = new HashSet<string>(StringComparer.Ordinal) { "enrichment_confidence", "record_id", "record_title" };
        var wireNames = new string?[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            if (IsWireName(list[i].Name) && list[i].Type == EnrichmentTypes.Company && !wires.Contains(list[i].Name + "_confidence") && wires.Add(list[i].Name))
            {
                wires.Add(list[i].Name + "_confidence");
                wireNames[i] = list[i].Name;
            }
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (IsWireName(list[i].Name) && list[i].Type != EnrichmentTypes.Company && wires.Add(list[i].Name))
            {
                wireNames[i] = list[i].Name;
            }
        }

        var enumNames = new HashSet<string>(StringComparer.Ordinal) { Bare(type) };
        var body = new StringBuilder();
        var enums = new StringBuilder();
        var indent = ns is null ? string.Empty : "    ";
        for (var i = 0; i < list.Count; i++)
        {
            var field = list[i];
            var wire = wireNames[i] ?? (field.Type == EnrichmentTypes.Company ? UniqueCompany(WireName(field.Name), wires) : Unique(WireName(field.Name), wires, "_"));
            var property = Unique(Property(Pascal(wire)), members, string.Empty);
            var description = string.IsNullOrWhiteSpace(field.Description) ? wire.Replace('_', ' ') : field.Description.Trim();
            var clrType = ClrType(field, property, type, enumNames, enums, indent, modernTarget, out var note);

            if (!string.Equals(field.Name, wire, StringComparison.Ordinal))
            {
                body.Append(indent).Append("    // Suggested as ").Append(Literal(field.Name)).Append(", which is not a snake_case name.\n");
            }

            var forced = note == "option";
            if (forced)
            {
                note = null;
            }

            if (note is not null)
            {
                body.Append(indent).Append("    // ").Append(note).Append('\n');
            }

            body.Append(indent).Append("    /// <summary>").Append(XmlText(description)).Append("</summary>\n");
            body.Append(indent).Append("    [Enrichment(").Append(Literal(description));
            if (!string.Equals(SnakeCase(property), wire, StringComparison.Ordinal))
            {
                body.Append(", Name = ").Append(Literal(wire));
            }

            if (forced)
            {
                body.Append(", Type = EnrichmentTypes.Option");
            }

            body.Append(")] public ").Append(clrType).Append("? ").Append(property).Append(modernTarget ? " { get; init; }\n" : " { get; set; }\n");
        }

        var text = new StringBuilder();
        text.Append("#nullable enable\n\n");
        text.Append("using System;\nusing CatchAll;\nusing ").Append(models).Append(";\n\n");
        if (ns is not null)
        {
            text.Append("namespace ").Append(ns).Append("\n{\n");
        }

        text.Append(indent).Append("/// <summary>The enrichments of a job: one property per field the service extracts.</summary>\n");
        text.Append(indent).Append("[CatchAllEnrichments]\n");
        text.Append(indent).Append("public partial ").Append(modernTarget ? "record " : "class ").Append(type).Append('\n');
        text.Append(indent).Append("{\n").Append(body).Append(indent).Append("}\n");
        text.Append(enums);
        if (ns is not null)
        {
            text.Append("}\n");
        }

        return text.ToString();
    }

    private static string ClrType(EnrichmentField field, string property, string type, HashSet<string> enumNames, StringBuilder enums, string indent, bool modern, out string? note)
    {
        note = null;
        switch (field.Type)
        {
            case EnrichmentTypes.Text:
                return "string";
            case EnrichmentTypes.Number:
                return "decimal";
            case EnrichmentTypes.Date:
                return modern ? "DateOnly" : "DateTime";
            case EnrichmentTypes.Url:
                return "global::System.Uri";
            case EnrichmentTypes.Company:
                return "CompanyEnrichmentOutput";
            case EnrichmentTypes.Option:
                var values = field.Options.Count > 0 ? field.Options : ParseOptions(field.Description);
                var members = new List<(string Member, string Wire)>();
                var used = new HashSet<string>(StringComparer.Ordinal) { "value__" };
                foreach (var value in values)
                {
                    var pascal = Pascal(WireName(value));
                    if (pascal.Length == 0 || char.IsDigit(pascal[0]))
                    {
                        pascal = "Value" + pascal;
                    }

                    members.Add((Unique(pascal, used, string.Empty), value));
                }

                if (members.Count == 0)
                {
                    // Still sent as an option; read as the text the service picks.
                    note = "option";
                    return "string";
                }

                var name = Unique(Bare(type) + property, enumNames, string.Empty);
                enums.Append('\n').Append(indent).Append("/// <summary>The values of <see cref=\"").Append(type).Append('.').Append(property).Append("\"/>.</summary>\n");
                enums.Append(indent).Append("public enum ").Append(name).Append('\n').Append(indent).Append("{\n");
                foreach (var (member, wire) in members)
                {
                    enums.Append(indent).Append("    /// <summary>").Append(XmlText(wire)).Append("</summary>\n");
                    enums.Append(indent).Append("    ");
                    if (!string.Equals(SnakeCase(member), wire, StringComparison.Ordinal))
                    {
                        enums.Append("[global::System.Runtime.Serialization.EnumMember(Value = ").Append(Literal(wire)).Append(")] ");
                    }

                    enums.Append(member).Append(",\n");
                }

                enums.Append(indent).Append("}\n");
                return name;
            default:
                note = "The service suggested the type " + Literal(field.Type) + ", which has no C# mapping here: read as text.";
                return "string";
        }
    }
}
