using CatchAll.Codegen.Model;

namespace CatchAll.Codegen.Emitting;

internal sealed partial class Emitter
{
    /// <summary>
    /// Statements that read the current JSON value into <paramref name="target"/>. The reader
    /// sits on the value's first token; afterwards it sits on its last.
    /// </summary>
    private void EmitRead(SourceWriter w, TypeRef type, string target, int depth)
    {
        if (type.Kind != TypeKind.Any)
        {
            w.Open($"if (reader.TokenType == {Json}.JsonTokenType.Null)");
            if (type.Nullable)
            {
                w.Line($"{target} = null;");
            }
            else
            {
                w.Line($"throw new {Json}.JsonException(\"null is not allowed here: a {Describe(type)} is expected.\");");
            }

            w.Close();
            w.Open("else");
        }

        switch (type.Kind)
        {
            case TypeKind.String:
            case TypeKind.Binary:
                w.Line($"{target} = reader.GetString()!;");
                break;
            case TypeKind.Int32:
                w.Line($"{target} = reader.GetInt32();");
                break;
            case TypeKind.Int64:
                w.Line($"{target} = reader.GetInt64();");
                break;
            case TypeKind.Single:
                w.Line($"{target} = reader.GetSingle();");
                break;
            case TypeKind.Double:
                w.Line($"{target} = reader.GetDouble();");
                break;
            case TypeKind.Boolean:
                w.Line($"{target} = reader.GetBoolean();");
                break;
            case TypeKind.Guid:
                w.Line($"{target} = reader.GetGuid();");
                break;
            case TypeKind.DateTimeOffset:
                w.Line($"{target} = global::{_spec.Namespace}.Serialization.JsonErrors.ReadDateTimeOffset(ref reader);");
                break;
            case TypeKind.DateOnly:
                w.Line($"{target} = global::System.DateOnly.ParseExact(reader.GetString()!, \"yyyy-MM-dd\", global::System.Globalization.CultureInfo.InvariantCulture);");
                break;
            case TypeKind.Any:
                w.Line($"{target} = {Json}.JsonElement.ParseValue(ref reader);");
                break;
            case TypeKind.Named:
                w.Line($"{target} = {ModelName(type.Name!)}.JsonConverter.Instance.Read(ref reader, typeof({ModelName(type.Name!)}), options);");
                break;
            case TypeKind.Array:
                {
                    var list = "list" + depth;
                    var item = "item" + depth;
                    var index = "index" + depth;
                    w.Line($"if (reader.TokenType != {Json}.JsonTokenType.StartArray) throw new {Json}.JsonException(\"A JSON array is expected.\");");
                    w.Line($"var {list} = new {ConcreteTypeName(type)}();");
                    w.Line($"var {index} = 0;");
                    w.Open($"while (reader.Read() && reader.TokenType != {Json}.JsonTokenType.EndArray)");
                    w.Line($"{TypeName(type.Element!, type.Element!.Nullable)} {item};");
                    // The index joins the error path, so a bad field deep in a list is found: $.records[3].title.
                    w.Open("try");
                    EmitRead(w, type.Element!, item, depth + 1);
                    w.Close();
                    w.Open($"catch (global::System.Exception ex{depth}) when (ex{depth} is {Json}.JsonException || ex{depth} is global::System.FormatException || ex{depth} is global::System.InvalidOperationException)");
                    w.Line($"throw global::{_spec.Namespace}.Serialization.JsonErrors.Prefix(ex{depth}, \"[\" + {index}.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \"]\", reader.TokenStartIndex);");
                    w.Close();
                    w.Line($"{list}.Add({item});");
                    w.Line($"{index}++;");
                    w.Close();
                    w.Line($"{target} = {list};");
                    break;
                }

            case TypeKind.Map:
                {
                    var map = "map" + depth;
                    var key = "key" + depth;
                    var item = "item" + depth;
                    w.Line($"if (reader.TokenType != {Json}.JsonTokenType.StartObject) throw new {Json}.JsonException(\"A JSON object is expected.\");");
                    w.Line($"var {map} = new {ConcreteTypeName(type)}();");
                    w.Open($"while (reader.Read() && reader.TokenType != {Json}.JsonTokenType.EndObject)");
                    w.Line($"var {key} = reader.GetString()!;");
                    w.Line("reader.Read();");
                    w.Line($"{TypeName(type.Element!, type.Element!.Nullable)} {item};");
                    w.Open("try");
                    EmitRead(w, type.Element!, item, depth + 1);
                    w.Close();
                    w.Open($"catch (global::System.Exception ex{depth}) when (ex{depth} is {Json}.JsonException || ex{depth} is global::System.FormatException || ex{depth} is global::System.InvalidOperationException)");
                    w.Line($"throw global::{_spec.Namespace}.Serialization.JsonErrors.Prefix(ex{depth}, \".\" + {key}, reader.TokenStartIndex);");
                    w.Close();
                    w.Line($"{map}[{key}] = {item};");
                    w.Close();
                    w.Line($"{target} = {map};");
                    break;
                }
        }

        if (type.Kind != TypeKind.Any)
        {
            w.Close();
        }
    }

    /// <summary>Statements that write <paramref name="value"/> as one JSON value.</summary>
    private void EmitWrite(SourceWriter w, TypeRef type, string value, int depth, string scope = "")
    {
        // A nullable open value is a JsonElement?, which has no WriteTo of its own: it is unwrapped like the rest.
        if (type.Nullable)
        {
            // Pattern variables in an if condition leak into the enclosing block: name them per scope.
            var inner = "v" + scope + depth;
            w.Open($"if ({value} is {{ }} {inner})");
            EmitWrite(w, type.WithNullable(false), inner, depth + 1, scope);
            w.Close();
            w.Open("else");
            w.Line("writer.WriteNullValue();");
            w.Close();
            return;
        }

        switch (type.Kind)
        {
            case TypeKind.String:
            case TypeKind.Binary:
            case TypeKind.Guid:
            case TypeKind.DateTimeOffset:
                w.Line($"writer.WriteStringValue({value});");
                break;
            case TypeKind.DateOnly:
                w.Line($"writer.WriteStringValue({value}.ToString(\"yyyy-MM-dd\", global::System.Globalization.CultureInfo.InvariantCulture));");
                break;
            case TypeKind.Int32:
            case TypeKind.Int64:
            case TypeKind.Single:
            case TypeKind.Double:
                w.Line($"writer.WriteNumberValue({value});");
                break;
            case TypeKind.Boolean:
                w.Line($"writer.WriteBooleanValue({value});");
                break;
            case TypeKind.Any:
                w.Line($"{value}.WriteTo(writer);");
                break;
            case TypeKind.Named:
                w.Line($"{ModelName(type.Name!)}.JsonConverter.Instance.Write(writer, {value}, options);");
                break;
            case TypeKind.Array:
                {
                    // An index loop: foreach over IList<T> boxes its enumerator on every write. A
                    // member or element access is read once; locals and pair values are used as they are.
                    var list = value;
                    var index = "index" + depth;
                    w.Line("writer.WriteStartArray();");
                    if (value.StartsWith("value.", System.StringComparison.Ordinal) || value.Contains("["))
                    {
                        list = "list" + scope + depth;
                        w.Line($"var {list} = {value};");
                    }

                    w.Open($"for (var {index} = 0; {index} < {list}.Count; {index}++)");
                    EmitWrite(w, type.Element!, $"{list}[{index}]", depth + 1, scope);
                    w.Close();
                    w.Line("writer.WriteEndArray();");
                    break;
                }

            case TypeKind.Map:
                {
                    var pair = "pair" + depth;
                    w.Line("writer.WriteStartObject();");
                    w.Open($"foreach (var {pair} in {value})");
                    w.Line($"writer.WritePropertyName({pair}.Key);");
                    EmitWrite(w, type.Element!, pair + ".Value", depth + 1, scope);
                    w.Close();
                    w.Line("writer.WriteEndObject();");
                    break;
                }
        }
    }

    /// <summary>The runtime's helpers for generated converters (CatchAll.Runtime, namespace CatchAll.Serialization).</summary>
    private const string Helpers = "global::CatchAll.Serialization.Json";

    /// <summary>
    /// One expression that reads the current value, JSON null as null, through a runtime helper; null when
    /// the shape has none (dates without time, lists of lists, nullable items) and needs <see cref="EmitRead"/>.
    /// Shared helpers rather than a block per property: the block was most of each converter's lines.
    /// </summary>
    private string? ReadExpression(TypeRef type)
    {
        switch (type.Kind)
        {
            case TypeKind.String:
            case TypeKind.Binary:
                return $"{Helpers}.ReadString(ref reader)";
            case TypeKind.Int32:
            case TypeKind.Int64:
            case TypeKind.Single:
            case TypeKind.Double:
            case TypeKind.Boolean:
            case TypeKind.Guid:
                return $"{Helpers}.Read{type.Kind}(ref reader)";
            case TypeKind.DateTimeOffset:
                return $"{Helpers}.ReadNullableDateTimeOffset(ref reader)";
            case TypeKind.Any:
                return $"{Json}.JsonElement.ParseValue(ref reader)";
            case TypeKind.Named:
                return $"{Helpers}.{(type.IsValueType ? "ReadValue" : "ReadObject")}(ref reader, {ModelName(type.Name!)}.JsonConverter.Instance, options)";
            case TypeKind.Array:
                return ItemConverter(type.Element!) is { } list ? $"{Helpers}.ReadList(ref reader, {list}, options)" : null;
            case TypeKind.Map:
                return ItemConverter(type.Element!) is { } map ? $"{Helpers}.ReadMap(ref reader, {map}, options)" : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// One statement that writes <paramref name="value"/> (not null), or null when the shape needs
    /// <see cref="EmitWrite"/>.
    /// </summary>
    private string? WriteStatement(TypeRef type, string value)
    {
        switch (type.Kind)
        {
            case TypeKind.String:
            case TypeKind.Binary:
            case TypeKind.Guid:
            case TypeKind.DateTimeOffset:
                return $"writer.WriteStringValue({value});";
            case TypeKind.Int32:
            case TypeKind.Int64:
            case TypeKind.Single:
            case TypeKind.Double:
                return $"writer.WriteNumberValue({value});";
            case TypeKind.Boolean:
                return $"writer.WriteBooleanValue({value});";
            case TypeKind.Any:
                return $"{value}.WriteTo(writer);";
            case TypeKind.Named:
                return $"{ModelName(type.Name!)}.JsonConverter.Instance.Write(writer, {value}, options);";
            case TypeKind.Array when type.Element is { Kind: TypeKind.String, Nullable: false }:
                return $"{Helpers}.WriteStringList(writer, {value});";
            case TypeKind.Array:
                return ItemConverter(type.Element!) is { } list ? $"{Helpers}.WriteList(writer, {value}, {list}, options);" : null;
            case TypeKind.Map:
                return ItemConverter(type.Element!) is { } map ? $"{Helpers}.WriteMap(writer, {value}, {map}, options);" : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// The converter the runtime's list and map helpers use for one item, or null for items they do not
    /// cover. Only non-nullable items: the helpers reject a null item with the error the inline code gives,
    /// naming the item's CLR type, which is the spec kind's name for these (Binary's is not, so it stays inline).
    /// </summary>
    private string? ItemConverter(TypeRef element)
    {
        if (element.Nullable)
        {
            return null;
        }

        return element.Kind switch
        {
            TypeKind.String or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double
                or TypeKind.Boolean or TypeKind.Guid or TypeKind.DateTimeOffset => $"global::CatchAll.Serialization.JsonItems.{element.Kind}",
            TypeKind.Any => "global::CatchAll.Serialization.JsonItems.Element",
            TypeKind.Named => $"{ModelName(element.Name!)}.JsonConverter.Instance",
            _ => null,
        };
    }

    private static string Describe(TypeRef type) => type.Kind switch
    {
        TypeKind.Named => type.Name!,
        TypeKind.Array => "JSON array",
        TypeKind.Map => "JSON object",
        TypeKind.Any => "JSON value",
        _ => type.Kind.ToString(),
    };
}
