using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CatchAll.Codegen.Diagnostics;
using CatchAll.Codegen.Model;
using Microsoft.CodeAnalysis;
using TypeKind = Microsoft.CodeAnalysis.TypeKind;

namespace CatchAll.Codegen.Parsing;

/// <summary>One <c>[Enrichment]</c> property: its C# type mapped to an enrichment type, its wire name and, for an enum, its options.</summary>
internal static partial class EnrichmentParser
{
    private static readonly string[] WireTypes = { "text", "number", "date", "option", "url", "company" };

    private static bool IsSystemType(ITypeSymbol type, string name) =>
        type.Name == name && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true };

    private static EnrichmentPropertyModel? ParseProperty(IPropertySymbol property, AttributeData attribute, EnrichmentLocation location, List<EnrichmentDiagnostic> diagnostics)
    {
        var description = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        string? name = null;
        string? forced = null;
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Name")
            {
                name = argument.Value.Value as string;
            }
            else if (argument.Key == "Type")
            {
                forced = argument.Value.Value as string;
            }
        }

        if (property.IsStatic || property.IsIndexer)
        {
            diagnostics.Add(new(DiagnosticIds.UnsupportedEnrichment, $"'{property.Name}' cannot be an enrichment: it must be an instance property", location));
            return null;
        }

        if (property.SetMethod is null)
        {
            diagnostics.Add(new(DiagnosticIds.UnsupportedEnrichment, $"'{property.Name}' cannot be an enrichment: it needs a set or init accessor so the reader can fill it", location));
            return null;
        }

        if (!TryMap(property.Type, out var kind, out var typeName, out var nullable, out var inferred))
        {
            diagnostics.Add(new(DiagnosticIds.UnsupportedEnrichment, $"'{property.Name}' has type '{property.Type.ToDisplayString()}', which no enrichment type holds: use string (text), a numeric type (number), DateOnly, DateTime or DateTimeOffset (date), an enum (option), Uri (url) or CompanyEnrichmentOutput (company)", location));
            return null;
        }

        var wireType = inferred;
        if (forced is not null)
        {
            var normalized = forced.Trim().ToLowerInvariant();
            if (Array.IndexOf(WireTypes, normalized) < 0)
            {
                diagnostics.Add(new(DiagnosticIds.UnsupportedEnrichment, $"'{property.Name}' forces the enrichment type '{forced}', which is not one of text, number, date, option, url, company", location));
                return null;
            }

            var fits = normalized == inferred || (kind == EnrichmentValueKind.Text && normalized != "company") || (kind == EnrichmentValueKind.Url && normalized == "text");
            if (!fits)
            {
                diagnostics.Add(new(DiagnosticIds.UnsupportedEnrichment, $"'{property.Name}' forces the enrichment type '{normalized}', which its type '{property.Type.ToDisplayString()}' cannot hold (it holds '{inferred}')", location));
                return null;
            }

            wireType = normalized;
        }

        string wireName;
        if (name is not null)
        {
            if (!IsWireName(name))
            {
                diagnostics.Add(new(DiagnosticIds.InvalidEnrichmentName, $"'{property.Name}' has the Name '{name}', which is not snake_case (lower-case letters, digits and single underscores, starting with a letter)", location));
                return null;
            }

            wireName = name;
        }
        else if (SnakeCase(property.Name) is { } snake)
        {
            wireName = snake;
        }
        else
        {
            diagnostics.Add(new(DiagnosticIds.InvalidEnrichmentName, $"'{property.Name}' has no snake_case form (only ASCII letters, digits and underscores make one); set the attribute's Name", location));
            return null;
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            diagnostics.Add(new(DiagnosticIds.InvalidEnrichmentName, $"'{property.Name}' has an empty description; the service extracts the field by what the description says", location));
            return null;
        }

        var options = ImmutableArray<EnrichmentOption>.Empty;
        var text = description!.Trim();
        if (kind == EnrichmentValueKind.Option)
        {
            options = Options((INamedTypeSymbol)Underlying(property.Type));
            if (options.IsEmpty)
            {
                diagnostics.Add(new(DiagnosticIds.UnsupportedEnrichment, $"'{property.Name}' is an option whose enum '{typeName}' has no members", location));
                return null;
            }

            if (wireType == "option")
            {
                text = (text.EndsWith(".", StringComparison.Ordinal) || text.EndsWith("?", StringComparison.Ordinal) || text.EndsWith("!", StringComparison.Ordinal) ? text : text + ".")
                    + " One of: " + string.Join(", ", options.Select(o => o.Wire)) + ".";
            }
        }

        return new EnrichmentPropertyModel(property.Name, wireName, text, wireType, kind, typeName, nullable, new EquatableArray<EnrichmentOption>(options));
    }

    private static ImmutableArray<EnrichmentOption> Options(INamedTypeSymbol enumType)
    {
        var options = ImmutableArray.CreateBuilder<EnrichmentOption>();
        var values = new HashSet<object>();
        foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>())
        {
            // Aliases (two members, one value) would make the writer's switch ambiguous; the first one names the value.
            if (!field.HasConstantValue || field.ConstantValue is null || !values.Add(field.ConstantValue))
            {
                continue;
            }

            var wire = WireValue(field) ?? SnakeCase(field.Name) ?? field.Name;
            options.Add(new EnrichmentOption(field.Name, wire, OptionKey(wire), OptionKey(field.Name)));
        }

        return options.ToImmutable();
    }

    private static string? WireValue(IFieldSymbol field)
    {
        foreach (var attribute in field.GetAttributes())
        {
            // The cheap name test first: the namespace's display string is made only for a likely match.
            var name = attribute.AttributeClass is { Name: "EnumMemberAttribute" or "JsonStringEnumMemberNameAttribute" } candidate ? candidate.ToDisplayString() : null;
            if (name == "System.Runtime.Serialization.EnumMemberAttribute")
            {
                if (attribute.NamedArguments.FirstOrDefault(a => a.Key == "Value").Value.Value is string value && value.Length > 0)
                {
                    return value;
                }
            }
            else if (name == "System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute"
                && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string named && named.Length > 0)
            {
                return named;
            }
        }

        return null;
    }

    private static ITypeSymbol Underlying(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

    private static bool TryMap(ITypeSymbol declared, out EnrichmentValueKind kind, out string typeName, out bool nullable, out string wireType)
    {
        var type = Underlying(declared);
        nullable = declared.IsValueType
            ? !SymbolEqualityComparer.Default.Equals(type, declared)
            : declared.NullableAnnotation != NullableAnnotation.NotAnnotated;
        typeName = string.Empty;
        wireType = "number";
        kind = type.SpecialType switch
        {
            SpecialType.System_String => EnrichmentValueKind.Text,
            SpecialType.System_Byte => EnrichmentValueKind.Byte,
            SpecialType.System_SByte => EnrichmentValueKind.SByte,
            SpecialType.System_Int16 => EnrichmentValueKind.Int16,
            SpecialType.System_UInt16 => EnrichmentValueKind.UInt16,
            SpecialType.System_Int32 => EnrichmentValueKind.Int32,
            SpecialType.System_UInt32 => EnrichmentValueKind.UInt32,
            SpecialType.System_Int64 => EnrichmentValueKind.Int64,
            SpecialType.System_UInt64 => EnrichmentValueKind.UInt64,
            SpecialType.System_Single => EnrichmentValueKind.Single,
            SpecialType.System_Double => EnrichmentValueKind.Double,
            SpecialType.System_Decimal => EnrichmentValueKind.Decimal,
            SpecialType.System_DateTime => EnrichmentValueKind.DateTime,
            _ => (EnrichmentValueKind)(-1),
        };

        if ((int)kind == -1)
        {
            if (IsSystemType(type, "DateOnly"))
            {
                kind = EnrichmentValueKind.DateOnly;
            }
            else if (IsSystemType(type, "DateTimeOffset"))
            {
                kind = EnrichmentValueKind.DateTimeOffset;
            }
            else if (IsSystemType(type, "Uri"))
            {
                kind = EnrichmentValueKind.Url;
            }
            else if (type.TypeKind == TypeKind.Enum)
            {
                kind = EnrichmentValueKind.Option;
            }
            else if (type.Name == "CompanyEnrichmentOutput" && type.TypeKind is TypeKind.Error or TypeKind.Class)
            {
                // Generated by this same generator, so not yet a symbol here: an error type named like it.
                kind = EnrichmentValueKind.Company;
                nullable = true;
            }
            else
            {
                return false;
            }
        }

        // Only numbers and enums are named in the generated code; the display string is the costly part of a property.
        if (kind is not (EnrichmentValueKind.Text or EnrichmentValueKind.DateOnly or EnrichmentValueKind.DateTime or EnrichmentValueKind.DateTimeOffset or EnrichmentValueKind.Url or EnrichmentValueKind.Company))
        {
            typeName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        }

        wireType = kind switch
        {
            EnrichmentValueKind.Text => "text",
            EnrichmentValueKind.DateOnly or EnrichmentValueKind.DateTime or EnrichmentValueKind.DateTimeOffset => "date",
            EnrichmentValueKind.Option => "option",
            EnrichmentValueKind.Url => "url",
            EnrichmentValueKind.Company => "company",
            _ => "number",
        };
        return true;
    }
}
