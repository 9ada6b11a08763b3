using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using CatchAll.Codegen.Diagnostics;
using CatchAll.Codegen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TypeKind = Microsoft.CodeAnalysis.TypeKind;

namespace CatchAll.Codegen.Parsing;

/// <summary>
/// Turns a <c>[CatchAllEnrichments]</c> type into an <see cref="EnrichmentTypeModel"/>. The only place of the
/// enrichment pipeline that sees symbols; everything after it works on the model.
/// </summary>
internal static partial class EnrichmentParser
{
    public const string TypeAttribute = "CatchAll.CatchAllEnrichmentsAttribute";

    /// <summary>Members the emitted part of a [CatchAllEnrichments] type declares.</summary>
    internal static readonly ImmutableHashSet<string> GeneratedMemberNames = ImmutableHashSet.Create(StringComparer.Ordinal, "Enrichments", "EnrichmentSet", "CatchAllEnrichmentSet", "CatchAllRegisterEnrichmentSet");

    private static bool IsEnrichment(ISymbol member) =>
        member.GetAttributes().Any(a => IsPropertyAttribute(a.AttributeClass));

    // By name and namespace, not ToDisplayString: this runs for every member on every edit, and a display string is an allocation each.
    private static bool IsPropertyAttribute(INamedTypeSymbol? attribute) =>
        attribute is { Name: "EnrichmentAttribute", ContainingNamespace: { Name: "CatchAll", ContainingNamespace.IsGlobalNamespace: true } };

    public static bool IsCandidate(SyntaxNode node) => node is ClassDeclarationSyntax or RecordDeclarationSyntax;

    public static EnrichmentTypeModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.TargetNode is not TypeDeclarationSyntax node)
        {
            return null;
        }

        var diagnostics = new List<EnrichmentDiagnostic>();
        var typeLocation = ToLocation(node.Identifier.GetLocation());
        var keyword = node is RecordDeclarationSyntax ? "record" : "class";

        if (!node.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            diagnostics.Add(new(DiagnosticIds.InvalidEnrichmentType, $"'{type.Name}' must be partial: the generator adds its enrichment reader and writer to it", typeLocation));
        }
        else if (type.IsGenericType || type.IsStatic || type.IsAbstract)
        {
            diagnostics.Add(new(DiagnosticIds.InvalidEnrichmentType, $"'{type.Name}' must be a non-generic, non-static, non-abstract class or record", typeLocation));
        }
        else if (!type.InstanceConstructors.Any(c => c.Parameters.Length == 0))
        {
            diagnostics.Add(new(DiagnosticIds.InvalidEnrichmentType, $"'{type.Name}' needs a constructor without parameters (the reader creates it with an object initializer); a positional record has none", typeLocation));
        }
        else if (type.GetMembers().FirstOrDefault(m => m is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true } && !IsEnrichment(m)) is { } required)
        {
            diagnostics.Add(new(DiagnosticIds.InvalidEnrichmentType, $"'{type.Name}' has the required member '{required.Name}', which is no enrichment, so the reader could not create it; make it an enrichment or not required", typeLocation));
        }

        // The generated part adds these; a user member of the same name would fail as CS0102 inside a generated file.
        foreach (var taken in type.GetMembers().Where(m => !m.IsImplicitlyDeclared && GeneratedMemberNames.Contains(m.Name)))
        {
            var at = taken.Locations.FirstOrDefault(l => l.IsInSource) is { } source ? ToLocation(source) : typeLocation;
            diagnostics.Add(new(DiagnosticIds.InvalidEnrichmentType, $"'{type.Name}' declares '{taken.Name}', a name the generator adds to a [CatchAllEnrichments] type; rename the member (an enrichment keeps its wire name with [Enrichment(..., Name = \"{taken.Name.ToLowerInvariant()}\")])", at));
        }

        var containers = new List<string>();
        for (var parent = node.Parent as TypeDeclarationSyntax; parent is not null; parent = parent.Parent as TypeDeclarationSyntax)
        {
            if (!parent.Modifiers.Any(SyntaxKind.PartialKeyword) || parent.TypeParameterList is not null)
            {
                diagnostics.Add(new(DiagnosticIds.InvalidEnrichmentType, $"'{type.Name}' is nested in '{parent.Identifier.ValueText}', which must be partial and non-generic too", typeLocation));
                break;
            }

            containers.Insert(0, ContainerKeyword(parent) + " " + parent.Identifier.Text);
        }

        for (var t = type; t is not null; t = t.ContainingType)
        {
            if (t.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
            {
                diagnostics.Add(new(DiagnosticIds.InvalidEnrichmentType, $"'{type.Name}' must be visible in its assembly (public or internal, also its containing types): the typed client methods name it", typeLocation));
                break;
            }
        }

        var properties = new List<EnrichmentPropertyModel>();
        var columns = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["enrichment_confidence"] = "the record's own enrichment_confidence",
            ["record_id"] = "the record_id column of a CSV export",
            ["record_title"] = "the record_title column of a CSV export",
        };
        foreach (var member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is not IPropertySymbol property)
            {
                continue;
            }

            var attribute = property.GetAttributes().FirstOrDefault(a => IsPropertyAttribute(a.AttributeClass));
            if (attribute is null)
            {
                continue;
            }

            var location = property.Locations.FirstOrDefault(l => l.IsInSource) is { } source ? ToLocation(source) : typeLocation;
            var parsed = ParseProperty(property, attribute, location, diagnostics);
            if (parsed is null)
            {
                continue;
            }

            // A name is taken by another field, by the record's own members, or by a CSV column: a company field
            // also writes <name>_confidence, and an export starts with record_id and record_title.
            var confidenceColumn = parsed.Kind == EnrichmentValueKind.Company ? parsed.WireName + "_confidence" : null;
            var clash = columns.TryGetValue(parsed.WireName, out var taken) ? (parsed.WireName, taken)
                : confidenceColumn is not null && columns.TryGetValue(confidenceColumn, out taken) ? (confidenceColumn, taken)
                : default;
            if (clash.taken is not null)
            {
                var which = clash.Item1 == parsed.WireName ? $"has the wire name '{parsed.WireName}', which" : $"is a company, and its CSV confidence column '{clash.Item1}'";
                diagnostics.Add(new(DiagnosticIds.DuplicateEnrichmentName, $"'{property.Name}' {which} clashes with {clash.taken}; give one of them another Name", location));
                continue;
            }

            columns[parsed.WireName] = $"'{property.Name}'";
            if (confidenceColumn is not null)
            {
                columns[confidenceColumn] = $"the CSV confidence column of '{property.Name}'";
            }

            properties.Add(parsed);
        }

        if (properties.Count == 0 && !diagnostics.Any(d => d.Id != DiagnosticIds.InvalidEnrichmentType))
        {
            diagnostics.Add(new(DiagnosticIds.NoEnrichments, $"'{type.Name}' declares no enrichments: mark its properties with [Enrichment(\"description\")]", typeLocation));
        }

        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : null;
        return new EnrichmentTypeModel(
            ns,
            type.Name,
            keyword,
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            new EquatableArray<string>(containers.ToImmutableArray()),
            new EquatableArray<EnrichmentPropertyModel>(properties.ToImmutableArray()),
            new EquatableArray<EnrichmentDiagnostic>(diagnostics.ToImmutableArray()),
            typeLocation,
            !diagnostics.Any(d => d.Id != DiagnosticIds.NoEnrichments));
    }

    /// <inheritdoc cref="global::CatchAll.Enrichments.EnrichmentWireName.SnakeCase"/>
    public static string? SnakeCase(string name) => global::CatchAll.Enrichments.EnrichmentWireName.SnakeCase(name);

    /// <inheritdoc cref="global::CatchAll.Enrichments.EnrichmentWireName.IsWireName"/>
    public static bool IsWireName(string name) => global::CatchAll.Enrichments.EnrichmentWireName.IsWireName(name);

    /// <summary>Letters and digits, lower-cased: the runtime's EnrichmentValue.OptionKey, which an incoming option is matched by.</summary>
    public static string OptionKey(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static string ContainerKeyword(TypeDeclarationSyntax node) => node switch
    {
        RecordDeclarationSyntax record when record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) => "record struct",
        RecordDeclarationSyntax => "record",
        StructDeclarationSyntax => "struct",
        InterfaceDeclarationSyntax => "interface",
        _ => "class",
    };

    private static EnrichmentLocation ToLocation(Location location) =>
        new(location.SourceTree?.FilePath ?? string.Empty, location.SourceSpan, location.GetLineSpan().Span);
}
