using System.Linq;
using CatchAll.Codegen.Model;

namespace CatchAll.Codegen.Emitting;

internal sealed partial class Emitter
{
    /// <summary>Equals, GetHashCode and the operators of a struct wrapping one value; operatorDoc is plain text, written as is.</summary>
    private static void EmitValueEquality(SourceWriter w, string self, string equals, string hash, string operatorDoc)
    {
        w.Block($$"""
            /// <inheritdoc/>
            public bool Equals({{self}} other) => {{equals}};

            /// <inheritdoc/>
            public override bool Equals(object? obj) => obj is {{self}} other && Equals(other);

            /// <inheritdoc/>
            public override int GetHashCode() => {{hash}};

            /// <summary>{{operatorDoc}}</summary>
            public static bool operator ==({{self}} left, {{self}} right) => left.Equals(right);

            /// <summary>{{operatorDoc}}</summary>
            public static bool operator !=({{self}} left, {{self}} right) => !left.Equals(right);

            """);
    }

    /// <summary>
    /// An open enum: a struct around the wire string. Known values are static members, and a
    /// value this client has never seen still round-trips instead of failing or becoming a default.
    /// </summary>
    private string EmitEnum(EnumDecl type)
    {
        var self = ModelName(type.Name);
        var w = Header(ModelsNamespace);
        w.Summary(type.Description ?? type.Name);
        w.Doc("remarks", "An open enum: values outside the known set are kept as they came, so a client built today reads what the API adds tomorrow.");
        w.Line($"[{Attr}.JsonConverter(typeof({self}.JsonConverter))]");
        w.Open($"public readonly partial struct {type.Name} : global::System.IEquatable<{self}>");
        w.Line("private readonly string? _value;");
        w.Line();
        w.Summary($"Wraps a wire value, known or not.");
        w.Open($"public {type.Name}(string value)");
        w.Line("_value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        w.Close();
        w.Line();
        foreach (var value in type.Values)
        {
            w.Summary($"The wire value \"{value.Wire}\".");
            w.Line($"public static {self} {value.Member} {{ get; }} = new({Literal(value.Wire)});");
            w.Line();
        }

        w.Summary("Every value the spec declares, in its order.");
        w.Line($"public static {Generic}.IReadOnlyList<{self}> KnownValues {{ get; }} = new {self}[] {{ {string.Join(", ", type.Values.Select(v => v.Member))} }};");
        w.Line();
        w.Summary("Whether the value is one the spec declares.");
        if (type.Values.Count == 0)
        {
            w.Line("public bool IsKnown => false;");
        }
        else
        {
            w.Line($"public bool IsKnown => _value is {string.Join(" or ", type.Values.Select(v => Literal(v.Wire)))};");
        }

        w.Line();
        w.Summary("The wire value.");
        w.Line("public override string ToString() => _value ?? string.Empty;");
        w.Line();
        EmitValueEquality(
            w,
            self,
            "string.Equals(_value, other._value, global::System.StringComparison.Ordinal)",
            "_value is null ? 0 : global::System.StringComparer.Ordinal.GetHashCode(_value)",
            "Compares wire values, case-sensitively.");
        w.Summary("Wraps a wire value.");
        w.Line($"public static implicit operator {self}(string value) => new(value);");
        w.Line();
        OpenValueConverter(w, self);
        w.Line($"if (reader.TokenType != {Json}.JsonTokenType.String) throw new {Json}.JsonException(\"A JSON string is expected for {type.Name}.\");");
        foreach (var value in type.Values)
        {
            // Known values reuse the static instances: no string allocation on the hot path.
            w.Line($"if (reader.ValueTextEquals({Utf8(value.Wire)})) return {self}.{value.Member};");
        }

        w.Line("return new(reader.GetString()!);");
        w.Close();
        w.Line();
        w.Line($"public override void Write({Json}.Utf8JsonWriter writer, {self} value, {Json}.JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());");
        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }

    // Enums and both union kinds nest the same converter shape: hidden, a shared instance, then Read.
    private static void OpenValueConverter(SourceWriter w, string self)
    {
        w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        w.Open($"internal sealed class JsonConverter : {Attr}.JsonConverter<{self}>");
        w.Line("public static readonly JsonConverter Instance = new();");
        w.Line();
        w.Open($"public override {self} Read(ref {Json}.Utf8JsonReader reader, global::System.Type typeToConvert, {Json}.JsonSerializerOptions options)");
    }
}
