using System.Collections.Generic;
using System.Linq;
using CatchAll.Codegen.Model;

namespace CatchAll.Codegen.Emitting;

/// <summary>The JsonConverter nested in each object model: reads and writes it without reflection.</summary>
internal sealed partial class Emitter
{
    private void EmitObjectConverter(SourceWriter w, ObjectDecl type)
    {
        var self = ModelName(type.Name);
        w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        // A variant's converter hides the one it inherits from its union base.
        w.Open($"internal {(type.BaseUnion is null ? string.Empty : "new ")}sealed class JsonConverter : {Attr}.JsonConverter<{self}>");
        w.Line("public static readonly JsonConverter Instance = new();");
        EmitEncodedNames(w, type);
        w.Line();

        // Read
        w.Open($"public override {self} Read(ref {Json}.Utf8JsonReader reader, global::System.Type typeToConvert, {Json}.JsonSerializerOptions options)");
        w.Line($"if (reader.TokenType != {Json}.JsonTokenType.StartObject) throw new {Json}.JsonException(\"A JSON object is expected for {type.Name}.\");");
        foreach (var property in type.Properties)
        {
            w.Line($"{TypeName(property.Type, true)} p{property.Name} = default; bool has{property.Name} = false;");
        }

        var extraType = ExtraValueType(type);
        if (type.IsOpen)
        {
            w.Line("var extraStart = reader;");
            w.Line("bool extraSeen = false;");
        }
        else
        {
            w.Line($"{Generic}.Dictionary<string, {extraType}>? extra = null;");
        }

        w.Line("string? current = null;");
        w.Open("try");
        w.Open($"while (reader.Read() && reader.TokenType != {Json}.JsonTokenType.EndObject)");
        var first = true;
        foreach (var property in type.Properties)
        {
            var test = $"{(first ? "if" : "else if")} (reader.ValueTextEquals({Utf8(property.JsonName)}))";
            first = false;
            if (ReadExpression(property.Type) is { } read)
            {
                // One line per member: the branch is the same four steps for every member of every model.
                w.Line($"{test} {{ current = {Literal(property.JsonName)}; reader.Read(); p{property.Name} = {read}; has{property.Name} = true; }}");
                continue;
            }

            w.Open(test);
            w.Line($"current = {Literal(property.JsonName)};");
            w.Line("reader.Read();");
            EmitRead(w, property.Type.WithNullable(true), "p" + property.Name, 0);
            w.Line($"has{property.Name} = true;");
            w.Close();
        }

        if (type.BaseUnion is not null)
        {
            var discriminator = UnionNamed(type.BaseUnion).DiscriminatorProperty;
            w.Open($"{(first ? "if" : "else if")} (reader.ValueTextEquals({Utf8(discriminator)}))");
            first = false;
            w.Line("reader.Read();");
            w.Close();
        }

        if (first)
        {
            w.Line("{");
            w.Indent();
        }
        else
        {
            w.Open("else");
        }

        if (type.IsOpen)
        {
            // The member's name is a string only in an error: the value stays in the object's JsonElement.
            w.Line("var extraName = reader;");
            w.Open("try");
            w.Line("reader.Read();");
            w.Line($"if (!reader.TrySkip()) throw new {Json}.JsonException(\"The JSON value is incomplete.\");");
            w.Close();
            w.Open($"catch (global::System.Exception ex) when (ex is {Json}.JsonException || ex is global::System.InvalidOperationException)");
            w.Line($"throw global::{_spec.Namespace}.Serialization.JsonErrors.At(ex, extraName.GetString()!, \"{type.Name}\", reader.TokenStartIndex);");
            w.Close();
            w.Line("extraSeen = true;");
        }
        else
        {
            w.Line("current = reader.GetString()!;");
            w.Line("reader.Read();");
            w.Line($"{extraType} value;");
            EmitRead(w, type.AdditionalPropertiesType ?? new TypeRef(TypeKind.Any, false), "value", 0);
            w.Line($"(extra ??= new {Generic}.Dictionary<string, {extraType}>())[current] = value;");
        }

        w.Close();
        w.Line("current = null;");
        w.Close();
        w.Close();
        w.Open($"catch (global::System.Exception ex) when (current is not null && (ex is {Json}.JsonException || ex is global::System.FormatException || ex is global::System.InvalidOperationException))");
        w.Line($"throw global::{_spec.Namespace}.Serialization.JsonErrors.At(ex, current, \"{type.Name}\", reader.TokenStartIndex);");
        w.Close();
        w.Line();

        foreach (var property in type.Properties.Where(p => p.Required))
        {
            w.Line($"if (!has{property.Name}) throw global::{_spec.Namespace}.Serialization.JsonErrors.Missing({Literal(property.JsonName)}, \"{type.Name}\");");
            if (!property.Type.Nullable)
            {
                w.Line($"if (p{property.Name} is null) throw global::{_spec.Namespace}.Serialization.JsonErrors.Null({Literal(property.JsonName)}, \"{type.Name}\");");
            }
        }

        var required = type.Properties.Where(p => p.Required).ToList();
        if (required.Count == 0)
        {
            w.Line($"var result = new {self}();");
        }
        else
        {
            w.Line($"var result = new {self}");
            w.Line("{");
            w.Indent();
            foreach (var property in required)
            {
                var read = property.Type.Nullable ? "p" + property.Name
                    : property.Type.IsValueType ? $"p{property.Name}.GetValueOrDefault()"
                    : $"p{property.Name}!";
                w.Line($"{property.Name} = {read},");
            }

            w.Unindent();
            w.Line("};");
        }

        foreach (var property in type.Properties.Where(p => !p.Required))
        {
            if (StorageOf(type, property) != Storage.Patch)
            {
                w.Line($"if (has{property.Name}) result.{property.Name} = p{property.Name};");
            }
            else if (property.Type.Nullable)
            {
                w.Line($"if (has{property.Name}) result.{property.Name} = new {PropertyType(type, property)}(p{property.Name});");
            }
            else
            {
                w.Line($"if (has{property.Name} && p{property.Name} is {{ }} {Local(property)}) result.{property.Name} = new {PropertyType(type, property)}({Local(property)});");
            }
        }

        w.Line(type.IsOpen
            ? $"if (extraSeen) result.{ExtraJsonField(type)} = {Json}.JsonElement.ParseValue(ref extraStart);"
            : "result._additionalProperties = extra;");
        w.Line("return result;");
        w.Close();
        w.Line();
        if (type.IsOpen)
        {
            EmitAdditionalPropertiesOf(w, type);
        }

        // Write
        w.Open($"public override void Write({Json}.Utf8JsonWriter writer, {self} value, {Json}.JsonSerializerOptions options)");
        w.Line("writer.WriteStartObject();");
        if (type.BaseUnion is not null)
        {
            var discriminator = UnionNamed(type.BaseUnion).DiscriminatorProperty;
            w.Line(IsPlainJson(discriminator) && IsPlainJson(type.DiscriminatorValue!)
                ? "writer.WriteString(Discriminator_Name, Discriminator_Value);"
                : $"writer.WriteString({Utf8(discriminator)}, {Literal(type.DiscriminatorValue!)});");
        }

        foreach (var property in type.Properties)
        {
            var storage = StorageOf(type, property);
            if (WritePropertyLine(type, property, storage) is { } line)
            {
                w.Line(line);
                continue;
            }

            switch (storage)
            {
                case Storage.Required:
                    w.Line($"writer.WritePropertyName({PropertyNameArgument(property)});");
                    EmitWrite(w, property.Type, "value." + property.Name, 0, property.Name);
                    break;
                case Storage.Plain:
                    w.Open($"if (value.{property.Name} is {{ }} {Local(property)})");
                    w.Line($"writer.WritePropertyName({PropertyNameArgument(property)});");
                    EmitWrite(w, property.Type.WithNullable(false), Local(property), 0, property.Name);
                    w.Close();
                    break;
                case Storage.Tracked:
                    w.Open($"if (value.{Field(property)}.HasValue)");
                    w.Line($"writer.WritePropertyName({PropertyNameArgument(property)});");
                    EmitWrite(w, property.Type.WithNullable(true), $"value.{Field(property)}.Value", 0, property.Name);
                    w.Close();
                    break;
                case Storage.Patch:
                    w.Open($"if (value.{property.Name}.HasValue)");
                    w.Line($"writer.WritePropertyName({PropertyNameArgument(property)});");
                    EmitWrite(w, property.Type, $"value.{property.Name}.Value", 0, property.Name);
                    w.Close();
                    break;
            }
        }

        if (type.IsOpen)
        {
            w.Line("var extra = value._additionalProperties;");
            w.Line($"if (extra is null && value.{ExtraJsonField(type)}.ValueKind == {Json}.JsonValueKind.Object) extra = AdditionalPropertiesOf(value);");
            w.Open("if (extra is { Count: > 0 })");
        }
        else
        {
            w.Open("if (value._additionalProperties is { Count: > 0 } extra)");
        }

        w.Open("foreach (var pair in extra)");
        // A declared name belongs to its property: an extra under it would write the member a second time.
        var names = string.Join(" or ", DeclaredJsonNames(type).Distinct().Select(Literal));
        if (names.Length > 0)
        {
            w.Line($"if (pair.Key is {names}) continue;");
        }

        w.Line("writer.WritePropertyName(pair.Key);");
        EmitWrite(w, type.AdditionalPropertiesType ?? new TypeRef(TypeKind.Any, false), "pair.Value", 0, "Extra");
        w.Close();
        w.Close();
        w.Line("writer.WriteEndObject();");
        w.Close();
        w.Close();
    }

    private static string Local(PropertyDecl property) => "v" + property.Name;

    /// <summary>
    /// The write of a member as one line, when its value is one statement; null for shapes that need
    /// <see cref="EmitWrite"/>.
    /// </summary>
    private string? WritePropertyLine(ObjectDecl type, PropertyDecl property, Storage storage)
    {
        var name = $"writer.WritePropertyName({PropertyNameArgument(property)});";
        var local = Local(property);
        var value = WriteStatement(property.Type.WithNullable(false), local);
        if (value is null)
        {
            return null;
        }

        return storage switch
        {
            Storage.Required when !property.Type.Nullable => $"{name} {WriteStatement(property.Type, $"value.{property.Name}")}",
            Storage.Required => $"{name} if (value.{property.Name} is {{ }} {local}) {value} else writer.WriteNullValue();",
            Storage.Plain => $"if (value.{property.Name} is {{ }} {local}) {{ {name} {value} }}",
            Storage.Tracked => $"if (value.{Field(property)}.HasValue) {{ {name} if (value.{Field(property)}.Value is {{ }} {local}) {value} else writer.WriteNullValue(); }}",
            Storage.Patch when property.Type.Nullable => $"if (value.{property.Name}.HasValue) {{ {name} if (value.{property.Name}.Value is {{ }} {local}) {value} else writer.WriteNullValue(); }}",
            Storage.Patch => $"if (value.{property.Name}.HasValue) {{ {name} {WriteStatement(property.Type, $"value.{property.Name}.Value")} }}",
            _ => null,
        };
    }

    /// <summary>
    /// An open object's undeclared members are kept as the one JsonElement of the whole object
    /// that Read parsed, and become the dictionary on first access: a JsonDocument, a key string and
    /// an entry per member were two thirds of what a pull page allocated, read or not.
    /// </summary>
    private void EmitAdditionalPropertiesOf(SourceWriter w, ObjectDecl type)
    {
        var field = ExtraJsonField(type);
        var dictionary = $"{Generic}.Dictionary<string, {Json}.JsonElement>";
        w.Open($"internal static {Generic}.IDictionary<string, {Json}.JsonElement> AdditionalPropertiesOf({ModelName(type.Name)} value)");
        w.Line($"var members = new {dictionary}();");
        w.Open($"if (value.{field}.ValueKind == {Json}.JsonValueKind.Object)");
        w.Open($"foreach (var member in value.{field}.EnumerateObject())");
        foreach (var name in DeclaredJsonNames(type))
        {
            w.Line($"if (member.NameEquals({Utf8(name)})) continue;");
        }

        w.Line("members[member.Name] = member.Value;");
        w.Close();
        w.Close();
        w.Line();
        // Readers on several threads may all get here first; they must all see one dictionary.
        w.Line("return global::System.Threading.Interlocked.CompareExchange(ref value._additionalProperties, members, null) ?? members;");
        w.Close();
        w.Line();
    }

    /// <summary>Names Read gives to a typed member (or skips, for a variant's discriminator), never to the extras.</summary>
    private IEnumerable<string> DeclaredJsonNames(ObjectDecl type)
    {
        var names = type.Properties.Select(p => p.JsonName);
        return type.BaseUnion is null ? names : names.Concat(new[] { UnionNamed(type.BaseUnion).DiscriminatorProperty });
    }

    /// <summary>The open object's JsonElement field, clear of the backing fields of its properties.</summary>
    private static string ExtraJsonField(ObjectDecl type)
    {
        var taken = new HashSet<string>(type.Properties.Select(Field), System.StringComparer.Ordinal);
        var name = "_additionalPropertiesJson";
        for (var i = 2; taken.Contains(name); i++)
        {
            name = "_additionalPropertiesJson" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }

    /// <summary>
    /// Names written as pre-encoded JsonEncodedText: WritePropertyName(utf8) validates and scans
    /// for characters to escape on every call. Only names no encoder escapes are pre-encoded, so
    /// the bytes stay what the writer's own encoder would have produced; others keep the u8 form.
    /// </summary>
    private void EmitEncodedNames(SourceWriter w, ObjectDecl type)
    {
        foreach (var property in type.Properties.Where(p => IsPlainJson(p.JsonName)))
        {
            w.Line($"private static readonly {Json}.JsonEncodedText {EncodedName(property)} = {Json}.JsonEncodedText.Encode({Utf8(property.JsonName)});");
        }

        if (type.BaseUnion is not null && UnionNamed(type.BaseUnion).DiscriminatorProperty is var discriminator
            && IsPlainJson(discriminator) && IsPlainJson(type.DiscriminatorValue!))
        {
            w.Line($"private static readonly {Json}.JsonEncodedText Discriminator_Name = {Json}.JsonEncodedText.Encode({Utf8(discriminator)});");
            w.Line($"private static readonly {Json}.JsonEncodedText Discriminator_Value = {Json}.JsonEncodedText.Encode({Utf8(type.DiscriminatorValue!)});");
        }
    }

    // Member names are letters and digits only, so the underscore keeps these apart from them.
    private static string EncodedName(PropertyDecl property) => "Name_" + property.Name;

    private static string PropertyNameArgument(PropertyDecl property) =>
        IsPlainJson(property.JsonName) ? EncodedName(property) : Utf8(property.JsonName);

    /// <summary>Text that JavaScriptEncoder.Default and UnsafeRelaxedJsonEscaping both leave as it is.</summary>
    private static bool IsPlainJson(string text) =>
        text.Length > 0 && text.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-' or '.' or '$');
}
