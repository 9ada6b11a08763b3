using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CatchAll
{
    /// <summary>
    /// Writes C# source for a <c>[CatchAllEnrichments]</c> type from enrichment fields, typically the ones the
    /// initialize operation suggests (the generated <c>InitializeResponse.ToCSharpDeclaration</c> calls this), so a
    /// user starts from the service's field names instead of typing them. The text compiles as it is: names the
    /// generator would not derive back are pinned with <c>Name</c>, descriptions are escaped, and an option whose
    /// description lists its values gets an enum declared alongside.
    /// </summary>
    public static class EnrichmentDeclaration
    {
        // Names the generated file refers to by their short form (usings) or adds to the type: a type or member of the same name would capture them.
        private static readonly HashSet<string> ReservedTypeNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "CatchAllEnrichments", "CatchAllEnrichmentsAttribute", "Enrichment", "EnrichmentAttribute", "CompanyEnrichmentOutput",
            "DateOnly", "DateTime", "Uri", "System", "CatchAll",
        };

        private static readonly HashSet<string> ReservedMembers = new HashSet<string>(StringComparer.Ordinal)
        {
            "Enrichments", "EnrichmentSet", "EqualityContract", "Equals", "GetHashCode", "ToString", "PrintMembers", "Deconstruct", "GetType", "MemberwiseClone", "Finalize",
        };

        private static readonly HashSet<string> Keywords = new HashSet<string>(StringComparer.Ordinal)
        {
            "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue", "decimal", "default",
            "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto",
            "if", "implicit", "in", "int", "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out",
            "override", "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc",
            "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
            "using", "virtual", "void", "volatile", "while",
        };

        // The forms a description lists an option's values in: "one of: a, b or c", "choose from a | b", or weaker
        // words ("options", "values", "choices") only when a colon, "are"/"is" or a bracket follows them.
        private static readonly Regex StrongList = new Regex(
            @"\b(?:one\s+of|choose\s+from)\s*:?\s*[\(\[]?\s*(?<list>[^\.\)\]\}\n;]+)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static readonly Regex WeakList = new Regex(
            @"\b(?:(?:allowed|possible|valid)\s+values|options?|values|choices)\s*(?::|\bare\b|\bis\b|[\(\[])\s*[\(\[]?\s*(?<list>[^\.\)\]\}\n;]+)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

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

        /// <summary>The values an option's description lists ("… One of: seed, series_a or series_b."), or empty.</summary>
        internal static IReadOnlyList<string> ParseOptions(string description)
        {
            var result = new List<string>();
            if (string.IsNullOrEmpty(description))
            {
                return result;
            }

            var match = StrongList.Match(description);
            if (!match.Success)
            {
                match = WeakList.Match(description);
            }

            if (!match.Success)
            {
                return result;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var part in Regex.Split(match.Groups["list"].Value, @",|\||\bor\b|\band\b", RegexOptions.CultureInvariant))
            {
                var value = part.Trim().Trim('"', '\'', '`', '“', '”').Trim();
                if (value.Length > 0 && value.Length <= 64 && seen.Add(value))
                {
                    result.Add(value);
                }
            }

            // One item is a sentence, not a list.
            return result.Count >= 2 ? result : new List<string>();
        }

        /// <summary>The name the service receives: the suggested one when it is snake_case, else its snake_case form.</summary>
        private static string WireName(string name)
        {
            if (IsWireName(name))
            {
                return name;
            }

            var builder = new StringBuilder();
            var snake = SnakeCase(name);
            if (snake is not null)
            {
                builder.Append(snake);
            }
            else
            {
                foreach (var c in name ?? string.Empty)
                {
                    builder.Append(c < 128 && char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_');
                }
            }

            var text = builder.ToString();
            while (text.Contains("__"))
            {
                text = text.Replace("__", "_");
            }

            text = text.Trim('_');
            if (text.Length == 0)
            {
                text = "field";
            }
            else if (text[0] < 'a' || text[0] > 'z')
            {
                text = "f_" + text;
            }

            return text;
        }

        private static string Property(string pascal)
        {
            if (pascal.Length == 0)
            {
                return "Field";
            }

            return char.IsDigit(pascal[0]) ? "F" + pascal : pascal;
        }

        private static string Pascal(string wire)
        {
            var builder = new StringBuilder(wire.Length);
            var upper = true;
            foreach (var c in wire)
            {
                if (c >= 128 || !char.IsLetterOrDigit(c))
                {
                    upper = true;
                    continue;
                }

                builder.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = char.IsDigit(c);
            }

            return builder.ToString();
        }

        private static string Unique(string name, HashSet<string> used, string separator)
        {
            var candidate = name;
            for (var i = 2; !used.Add(candidate); i++)
            {
                candidate = name + separator + i.ToString(CultureInfo.InvariantCulture);
            }

            return candidate;
        }

        /// <summary>A company's wire name whose CSV confidence column (<c>name_confidence</c>) is free as well; both are taken.</summary>
        private static string UniqueCompany(string name, HashSet<string> used)
        {
            var candidate = name;
            for (var i = 2; used.Contains(candidate) || used.Contains(candidate + "_confidence"); i++)
            {
                candidate = name + "_" + i.ToString(CultureInfo.InvariantCulture);
            }

            used.Add(candidate);
            used.Add(candidate + "_confidence");
            return candidate;
        }

        private static string? SnakeCase(string name) => global::CatchAll.Enrichments.EnrichmentWireName.SnakeCase(name);

        private static bool IsWireName(string? name) => global::CatchAll.Enrichments.EnrichmentWireName.IsWireName(name);

        private static string TypeIdentifier(string typeName)
        {
            var id = Identifier(typeName, nameof(typeName));
            if (ReservedTypeNames.Contains(Bare(id)))
            {
                throw new ArgumentException($"'{typeName}' would hide a type the declaration uses; choose another name.", nameof(typeName));
            }

            return id;
        }

        private static string DottedName(string name, string parameter)
        {
            var parts = name.Split('.');
            for (var i = 0; i < parts.Length; i++)
            {
                parts[i] = Identifier(parts[i], parameter);
            }

            return string.Join(".", parts);
        }

        private static string Identifier(string name, string parameter)
        {
            var bare = name is not null && name.StartsWith("@", StringComparison.Ordinal) ? name.Substring(1) : name;
            if (bare is null || bare.Length == 0 || !(char.IsLetter(bare[0]) || bare[0] == '_'))
            {
                throw new ArgumentException($"'{name}' is not a C# identifier.", parameter);
            }

            foreach (var c in bare)
            {
                if (!(char.IsLetterOrDigit(c) || c == '_'))
                {
                    throw new ArgumentException($"'{name}' is not a C# identifier.", parameter);
                }
            }

            return Keywords.Contains(bare) ? "@" + bare : bare;
        }

        private static string Bare(string identifier) => identifier.StartsWith("@", StringComparison.Ordinal) ? identifier.Substring(1) : identifier;

        /// <summary>Text for a one-line doc comment: XML-escaped, line breaks and other controls as spaces.</summary>
        private static string XmlText(string value)
        {
            var builder = new StringBuilder(value.Length);
            foreach (var c in value)
            {
                switch (c)
                {
                    case '&': builder.Append("&amp;"); break;
                    case '<': builder.Append("&lt;"); break;
                    case '>': builder.Append("&gt;"); break;
                    default: builder.Append(char.IsControl(c) || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029' || c == '\u0085' ? ' ' : c); break;
                }
            }

            return builder.ToString();
        }

        /// <summary>A regular C# string literal: quotes, backslashes, controls, line separators and lone surrogates escaped.</summary>
        private static string Literal(string value)
        {
            var builder = new StringBuilder(value.Length + 2).Append('"');
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    case '\0': builder.Append("\\0"); break;
                    default:
                        var pair = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
                        if (pair)
                        {
                            builder.Append(c).Append(value[++i]);
                        }
                        else if (char.IsControl(c) || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029' || c == '\u0085')
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.Append('"').ToString();
        }
    }
}
