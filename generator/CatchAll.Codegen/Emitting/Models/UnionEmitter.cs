using System.Linq;
using CatchAll.Codegen.Model;
using CatchAll.Codegen.Parsing;

namespace CatchAll.Codegen.Emitting;

internal sealed partial class Emitter
{
    /// <summary>The union a variant's <see cref="ObjectDecl.BaseUnion"/> names.</summary>
    private UnionDecl UnionNamed(string name) => (UnionDecl)_types[name];

    /// <summary>
    /// A discriminated oneOf: an abstract base, one subtype per mapping key (the variant models
    /// derive from it), and an unknown variant that keeps the raw JSON of keys it does not know.
    /// </summary>
    private string EmitUnion(UnionDecl type)
    {
        var self = ModelName(type.Name);
        var unknown = type.UnknownVariant;
        var kind = MemberNames.UnionKindMember(type.Name);
        var w = Header(ModelsNamespace);
        w.Summary(type.Description ?? type.Name);
        w.Doc("remarks", $"One of: {string.Join(", ", type.Variants.Select(v => $"<see cref=\"{ModelName(v.Type.Name!)}\"/> (\"{v.Key}\")"))}; a \"{type.DiscriminatorProperty}\" this client does not know reads as <see cref=\"{ModelName(unknown)}\"/>.", raw: true);
        w.Line($"[{Attr}.JsonConverter(typeof({self}.JsonConverter))]");
        w.Open($"public abstract partial class {type.Name}");
        w.Block($$"""
            private protected {{type.Name}}()
            {
            }

            """);
        w.Summary($"The \"{type.DiscriminatorProperty}\" value that selects the variant.");
        w.Line($"[{Attr}.JsonIgnore]");
        w.Line($"public abstract string {kind} {{ get; }}");
        w.Line();
        OpenValueConverter(w, self);
        w.Line($"if (reader.TokenType != {Json}.JsonTokenType.StartObject) throw new {Json}.JsonException(\"A JSON object is expected for {type.Name}.\");");
        w.Line("// A copy of the reader looks ahead for the discriminator; the real one reads the variant.");
        w.Line("var probe = reader;");
        w.Line("string? key = null;");
        w.Open($"while (probe.Read() && probe.TokenType == {Json}.JsonTokenType.PropertyName)");
        w.Open($"if (probe.ValueTextEquals({Utf8(type.DiscriminatorProperty)}))");
        w.Line("probe.Read();");
        w.Line($"key = probe.TokenType == {Json}.JsonTokenType.String ? probe.GetString() : null;");
        w.Line("break;");
        w.Close();
        w.Line("probe.Read();");
        w.Line("probe.TrySkip();");
        w.Close();
        w.Line();
        w.Open("switch (key)");
        foreach (var variant in type.Variants)
        {
            var variantType = ModelName(variant.Type.Name!);
            w.Line($"case {Literal(variant.Key)}:");
            w.Line($"    return {variantType}.JsonConverter.Instance.Read(ref reader, typeof({variantType}), options);");
        }

        w.Line("default:");
        w.Line($"    return new {ModelName(unknown)}({Json}.JsonElement.ParseValue(ref reader));");
        w.Close();
        w.Close();
        w.Line();
        w.Open($"public override void Write({Json}.Utf8JsonWriter writer, {self} value, {Json}.JsonSerializerOptions options)");
        w.Open("switch (value)");
        foreach (var variant in type.Variants)
        {
            var variantType = ModelName(variant.Type.Name!);
            w.Line($"case {variantType} {Naming.Camel(variant.Member)}Variant:");
            w.Line($"    {variantType}.JsonConverter.Instance.Write(writer, {Naming.Camel(variant.Member)}Variant, options);");
            w.Line("    break;");
        }

        w.Line($"case {ModelName(unknown)} unknown:");
        w.Line("    unknown.Raw.WriteTo(writer);");
        w.Line("    break;");
        w.Line("default:");
        w.Line($"    throw new {Json}.JsonException(\"Cannot write a \" + value.GetType().Name + \" as {type.Name}.\");");
        w.Close();
        w.Close();
        w.Close();
        w.Close();
        w.Line();

        w.Summary($"A {type.Name} whose \"{type.DiscriminatorProperty}\" this client does not know; the JSON is kept as it came and written back unchanged.");
        w.Block($$"""
            public sealed partial class {{unknown}} : {{self}}
            {
                /// <summary>Wraps the raw JSON object.</summary>
                public {{unknown}}({{Json}}.JsonElement raw)
                {
                    Raw = raw.Clone();
                }

                /// <summary>The object exactly as the server sent it.</summary>
                public {{Json}}.JsonElement Raw { get; }

                [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
                internal new sealed class JsonConverter : {{Attr}}.JsonConverter<{{ModelName(unknown)}}>
                {
                    public static readonly JsonConverter Instance = new();

                    public override {{ModelName(unknown)}} Read(ref {{Json}}.Utf8JsonReader reader, global::System.Type typeToConvert, {{Json}}.JsonSerializerOptions options) =>
                        {{self}}.JsonConverter.Instance.Read(ref reader, typeof({{self}}), options) as {{ModelName(unknown)}}
                        ?? throw new {{Json}}.JsonException("The object is a known {{type.Name}} variant, not an unknown one.");

                    public override void Write({{Json}}.Utf8JsonWriter writer, {{ModelName(unknown)}} value, {{Json}}.JsonSerializerOptions options) => value.Raw.WriteTo(writer);
                }

                /// <inheritdoc/>
                public override string {{kind}} => Raw.ValueKind == {{Json}}.JsonValueKind.Object && Raw.TryGetProperty({{Utf8(type.DiscriminatorProperty)}}, out var key) && key.ValueKind == {{Json}}.JsonValueKind.String ? key.GetString()! : string.Empty;
            }
            """);
        w.Close();
        return w.ToString();
    }

    /// <summary>A oneOf of JSON primitives (string or integer, ...), told apart by token type.</summary>
    private string EmitPrimitiveUnion(PrimitiveUnionDecl type)
    {
        var self = ModelName(type.Name);
        var w = Header(ModelsNamespace);
        w.Summary(type.Description ?? type.Name);
        w.Doc("remarks", "One of: " + string.Join(", ", type.Variants.Select(v => v.Member.ToLowerInvariant())) + ".");
        w.Line($"[{Attr}.JsonConverter(typeof({self}.JsonConverter))]");
        w.Open($"public readonly partial struct {type.Name} : global::System.IEquatable<{self}>");
        w.Line("private readonly object? _value;");
        w.Line();
        w.Line($"private {type.Name}(object value) => _value = value;");
        w.Line();
        w.Summary("The value as a boxed string, long, double or bool.");
        w.Line("public object? Value => _value;");
        w.Line();
        foreach (var variant in type.Variants)
        {
            var clr = TypeName(variant.Type, false);
            w.Summary($"Whether the value is a {variant.Member.ToLowerInvariant()}.");
            w.Line($"public bool Is{variant.Member} => _value is {clr};");
            w.Line();
            w.Summary($"The value as a {variant.Member.ToLowerInvariant()}; throws when it is another kind.");
            w.Line($"public {clr} As{variant.Member} => _value is {clr} value ? value : throw new global::System.InvalidOperationException(\"{type.Name} holds \" + (_value?.GetType().Name ?? \"nothing\") + \", not {clr}.\");");
            w.Line();
            w.Summary($"Wraps a {variant.Member.ToLowerInvariant()}.");
            w.Line($"public static implicit operator {self}({clr} value) => new(value{(variant.Type.IsValueType ? string.Empty : " ?? throw new global::System.ArgumentNullException(nameof(value))")});");
            w.Line();
        }

        w.Block("""
            /// <summary>The value in invariant culture, as it is on the wire.</summary>
            public override string ToString() => _value switch
            {
                null => string.Empty,
                bool b => b ? "true" : "false",
                double d => d.ToString("R", global::System.Globalization.CultureInfo.InvariantCulture),
                global::System.IFormattable f => f.ToString(null, global::System.Globalization.CultureInfo.InvariantCulture),
                _ => _value.ToString() ?? string.Empty,
            };

            """);
        EmitValueEquality(w, self, "global::System.Object.Equals(_value, other._value)", "_value?.GetHashCode() ?? 0", "Compares the values, kind and all.");
        OpenValueConverter(w, self);
        w.Open("switch (reader.TokenType)");
        var kinds = type.Variants.Select(v => v.Type.Kind).ToList();
        if (kinds.Contains(TypeKind.String))
        {
            w.Line($"case {Json}.JsonTokenType.String:");
            w.Line("    return new(reader.GetString()!);");
        }

        if (kinds.Contains(TypeKind.Int64) || kinds.Contains(TypeKind.Double))
        {
            w.Line($"case {Json}.JsonTokenType.Number:");
            if (kinds.Contains(TypeKind.Int64))
            {
                w.Line("    if (reader.TryGetInt64(out var integer)) return new(integer);");
            }

            w.Line(kinds.Contains(TypeKind.Double) ? "    return new(reader.GetDouble());" : $"    throw new {Json}.JsonException(\"{type.Name} takes whole numbers only.\");");
        }

        if (kinds.Contains(TypeKind.Boolean))
        {
            w.Line($"case {Json}.JsonTokenType.True:");
            w.Line("    return new(true);");
            w.Line($"case {Json}.JsonTokenType.False:");
            w.Line("    return new(false);");
        }

        w.Line("default:");
        w.Line($"    throw new {Json}.JsonException(\"Unexpected \" + reader.TokenType + \" for {type.Name}.\");");
        w.Close();
        w.Close();
        w.Line();
        w.Open($"public override void Write({Json}.Utf8JsonWriter writer, {self} value, {Json}.JsonSerializerOptions options)");
        w.Block("""
            switch (value._value)
            {
                case string s:
                    writer.WriteStringValue(s);
                    break;
                case long l:
                    writer.WriteNumberValue(l);
                    break;
                case double d:
                    writer.WriteNumberValue(d);
                    break;
                case bool b:
                    writer.WriteBooleanValue(b);
                    break;
                default:
                    writer.WriteNullValue();
                    break;
            }
            """);
        w.Close();
        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }
}
