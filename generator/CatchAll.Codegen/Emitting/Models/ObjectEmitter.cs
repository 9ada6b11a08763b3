using System.Collections.Generic;
using System.Linq;
using CatchAll.Codegen.Model;
using CatchAll.Codegen.Parsing;

namespace CatchAll.Codegen.Emitting;

/// <summary>An object model: a class with one property per schema property, optional members told apart from null, and extra members kept.</summary>
internal sealed partial class Emitter
{
    private const string Attr = "global::System.Text.Json.Serialization";

    /// <summary>How a property is stored, which decides how unset is told from null.</summary>
    private enum Storage
    {
        /// <summary>A required member: always written.</summary>
        Required,

        /// <summary>Optional and never null on the wire: null in C# means absent.</summary>
        Plain,

        /// <summary>Optional and nullable: a backing Optional keeps "absent" apart from "null".</summary>
        Tracked,

        /// <summary>A PATCH body: the public type is Optional, so callers see the difference.</summary>
        Patch,
    }

    private static Storage StorageOf(ObjectDecl type, PropertyDecl property) =>
        property.Required ? Storage.Required
        : type.IsPatchRequest ? Storage.Patch
        : property.Type.Nullable ? Storage.Tracked
        : Storage.Plain;

    private string PropertyType(ObjectDecl type, PropertyDecl property) => StorageOf(type, property) switch
    {
        Storage.Required => TypeName(property.Type, property.Type.Nullable),
        Storage.Patch => $"{Api}.Optional<{TypeName(property.Type, property.Type.Nullable)}>",
        _ => TypeName(property.Type, true),
    };

    private static string Field(PropertyDecl property) => "_" + char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1);

    private string ExtraValueType(ObjectDecl type) =>
        type.AdditionalPropertiesType is { } extra ? TypeName(extra, extra.Nullable) : Json + ".JsonElement";

    private string EmitObject(ObjectDecl type)
    {
        var w = Header(ModelsNamespace);
        w.Summary(type.Description ?? type.Name);
        var baseClause = type.BaseUnion is null ? string.Empty : " : " + ModelName(type.BaseUnion);
        w.Open($"public sealed partial class {type.Name}{baseClause}");
        foreach (var property in type.Properties.Where(p => StorageOf(type, p) == Storage.Tracked))
        {
            w.Line($"private {Api}.Optional<{TypeName(property.Type, true)}> {Field(property)};");
        }

        var extraType = ExtraValueType(type);
        w.Line($"private {Generic}.IDictionary<string, {extraType}>? _additionalProperties;");
        if (type.IsOpen)
        {
            w.Line($"private {Json}.JsonElement {ExtraJsonField(type)};");
        }

        w.Line();

        if (type.DiscriminatorValue is not null)
        {
            w.Line($"/// <inheritdoc/>");
            w.Line($"public override string {MemberNames.UnionKindMember(type.BaseUnion!)} => {Literal(type.DiscriminatorValue)};");
            w.Line();
        }

        foreach (var property in type.Properties)
        {
            EmitProperty(w, type, property);
        }

        w.Summary(type.AdditionalPropertiesType is null
            ? "Properties the spec does not declare. What a newer API sends is kept here and written back unchanged."
            : "The object's other properties, by name.");
        w.Line($"[{Attr}.JsonExtensionData]");
        w.Line($"public {Generic}.IDictionary<string, {extraType}> AdditionalProperties");
        w.Line("{");
        w.Indent();
        if (type.IsOpen)
        {
            w.Line("get => _additionalProperties ?? JsonConverter.AdditionalPropertiesOf(this);");
            w.Line("set");
            w.Line("{");
            w.Indent();
            w.Line($"{ExtraJsonField(type)} = default;");
            w.Line("_additionalProperties = value;");
            w.Unindent();
            w.Line("}");
        }
        else
        {
            w.Line($"get => _additionalProperties ??= new {Generic}.Dictionary<string, {extraType}>();");
            w.Line("set => _additionalProperties = value;");
        }

        w.Unindent();
        w.Line("}");
        w.Line();
        EmitObjectConverter(w, type);
        w.Close();
        w.Close();
        return w.ToString();
    }

    private void EmitProperty(SourceWriter w, ObjectDecl type, PropertyDecl property)
    {
        w.Summary(string.IsNullOrWhiteSpace(property.Description) ? (string.IsNullOrWhiteSpace(property.JsonName) ? property.Name : property.JsonName) : property.Description);
        if (property.DefaultJson is not null && !property.Required)
        {
            w.Doc("remarks", $"When not set, the server uses {property.DefaultJson}.");
        }

        w.Line($"[{Attr}.JsonPropertyName({Literal(property.JsonName)})]");
        var storage = StorageOf(type, property);
        var propertyType = PropertyType(type, property);
        switch (storage)
        {
            case Storage.Required:
                w.Line($"public required {propertyType} {property.Name} {{ get; set; }}");
                break;
            case Storage.Tracked:
                w.Line($"public {propertyType} {property.Name}");
                w.Line("{");
                w.Indent();
                w.Line($"get => {Field(property)}.GetValueOrDefault();");
                w.Line($"set => {Field(property)} = new {Api}.Optional<{TypeName(property.Type, true)}>(value);");
                w.Unindent();
                w.Line("}");
                break;
            default:
                w.Line($"public {propertyType} {property.Name} {{ get; set; }}");
                break;
        }

        w.Line();
    }
}
