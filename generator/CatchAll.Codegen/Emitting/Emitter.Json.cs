using System.Collections.Generic;
using CatchAll.Codegen.Model;

namespace CatchAll.Codegen.Emitting;

internal sealed partial class Emitter
{
    /// <summary>
    /// One resolver over every generated converter, built on JsonMetadataServices: the
    /// System.Text.Json source generator cannot see our output, and reflection is not an option
    /// for trimmed and NativeAOT apps.
    /// </summary>
    /// <summary>Every generated type with a converter: the declared ones and each union's unknown variant.</summary>
    private IEnumerable<string> ResolvedTypeNames()
    {
        foreach (var type in _spec.Types)
        {
            yield return type.Name;
            if (type.Kind == DeclKind.Union)
            {
                yield return UnknownName(type);
            }
        }
    }

    /// <summary>Request and response bodies that are not models: lists, maps and primitives.</summary>
    private List<TypeRef> RootShapes()
    {
        var seen = new HashSet<string>();
        var shapes = new List<TypeRef>();
        foreach (var resource in _spec.Resources)
        {
            foreach (var operation in resource.Operations)
            {
                foreach (var type in new[] { operation.BodyKind == BodyKind.Json ? operation.BodyType : null, operation.ResponseKind == ResponseKind.Json ? operation.ResponseType : null })
                {
                    if (type is not null && type.Kind is not (TypeKind.Named or TypeKind.Any) && seen.Add(TypeName(type, false)))
                    {
                        shapes.Add(type.WithNullable(false));
                    }
                }
            }
        }

        return shapes;
    }

    private static string? BuiltInConverter(TypeRef type) => type.Kind switch
    {
        TypeKind.String or TypeKind.Binary => Json + ".Serialization.Metadata.JsonMetadataServices.StringConverter",
        TypeKind.Int32 => Json + ".Serialization.Metadata.JsonMetadataServices.Int32Converter",
        TypeKind.Int64 => Json + ".Serialization.Metadata.JsonMetadataServices.Int64Converter",
        TypeKind.Single => Json + ".Serialization.Metadata.JsonMetadataServices.SingleConverter",
        TypeKind.Double => Json + ".Serialization.Metadata.JsonMetadataServices.DoubleConverter",
        TypeKind.Boolean => Json + ".Serialization.Metadata.JsonMetadataServices.BooleanConverter",
        TypeKind.Guid => Json + ".Serialization.Metadata.JsonMetadataServices.GuidConverter",
        TypeKind.DateTimeOffset => Json + ".Serialization.Metadata.JsonMetadataServices.DateTimeOffsetConverter",
        TypeKind.DateOnly => Json + ".Serialization.Metadata.JsonMetadataServices.DateOnlyConverter",
        _ => null,
    };

    /// <summary>Members of the generated Json class that a type's accessor must not take.</summary>
    private static readonly HashSet<string> JsonClassMembers = new() { "Options", "Resolver", "CreateOptions", "s_options", "TypeInfo" };

    /// <summary>Name of the generated Json class's property holding a type's metadata.</summary>
    private static string JsonAccessor(string typeName) => JsonClassMembers.Contains(typeName) ? typeName + "TypeInfo" : typeName;

    private string EmitJson()
    {
        var name = _spec.ClientName + "Json";
        var w = Header(_spec.Namespace);
        w.Summary($"System.Text.Json metadata for every type of the {_spec.Title} contract, with no reflection: safe for trimming and NativeAOT.");
        w.Open($"public static partial class {name}");
        w.Line($"private static {Json}.JsonSerializerOptions? s_options;");
        w.Line();
        w.Summary("Options whose resolver knows every generated type. Read-only; share it.");
        // One instance for the whole process: two threads racing a plain ??= could each publish their own, and the
        // cached per-type accessors would then hold metadata bound to options that Options no longer returns.
        w.Line($"public static {Json}.JsonSerializerOptions Options => s_options ?? global::System.Threading.LazyInitializer.EnsureInitialized(ref s_options, CreateOptions)!;");
        w.Line();
        w.Summary("The resolver, to combine with others: JsonTypeInfoResolver.Combine(CatchAllClientJson.Resolver, ...).");
        w.Line($"public static {Json}.Serialization.Metadata.IJsonTypeInfoResolver Resolver {{ get; }} = new {name}Resolver();");
        w.Line();
        foreach (var typeName in ResolvedTypeNames())
        {
            var accessor = JsonAccessor(typeName);
            // Options.GetTypeInfo is a cache lookup on every call, a fixed cost a small body feels; a
            // field per type is what a source-generated JsonSerializerContext keeps. A race only looks
            // the same instance up twice: Options hands out one JsonTypeInfo per type.
            w.Line($"private static {Json}.Serialization.Metadata.JsonTypeInfo<{ModelName(typeName)}>? s_{accessor};");
            w.Line();
            w.Doc("summary", $"Metadata for <see cref=\"{ModelName(typeName)}\"/>.", raw: true);
            w.Line($"public static {Json}.Serialization.Metadata.JsonTypeInfo<{ModelName(typeName)}> {accessor} => s_{accessor} ??= TypeInfo<{ModelName(typeName)}>();");
            w.Line();
        }

        w.Summary("Metadata for any generated type, or for JsonElement.");
        w.Line($"public static {Json}.Serialization.Metadata.JsonTypeInfo<T> TypeInfo<T>() => ({Json}.Serialization.Metadata.JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));");
        w.Line();
        w.Open($"private static {Json}.JsonSerializerOptions CreateOptions()");
        w.Line($"var options = new {Json}.JsonSerializerOptions {{ TypeInfoResolver = Resolver }};");
        w.Line("options.MakeReadOnly();");
        w.Line("return options;");
        w.Close();
        w.Line();
        w.Open($"private sealed class {name}Resolver : {Json}.Serialization.Metadata.IJsonTypeInfoResolver");
        w.Open($"public {Json}.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(global::System.Type type, {Json}.JsonSerializerOptions options)");
        foreach (var typeName in ResolvedTypeNames())
        {
            var model = ModelName(typeName);
            w.Open($"if (type == typeof({model}))");
            w.Line($"return {Json}.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<{model}>(options, {model}.JsonConverter.Instance);");
            w.Close();
        }

        var shapes = RootShapes();
        for (var i = 0; i < shapes.Count; i++)
        {
            var clr = TypeName(shapes[i], false);
            w.Open($"if (type == typeof({clr}))");
            var builtIn = BuiltInConverter(shapes[i]);
            w.Line($"return {Json}.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<{clr}>(options, {builtIn ?? $"new Shape{i}Converter()"});");
            w.Close();
        }

        w.Open($"if (type == typeof({Json}.JsonElement))");
        w.Line($"return {Json}.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<{Json}.JsonElement>(options, {Json}.Serialization.Metadata.JsonMetadataServices.JsonElementConverter);");
        w.Close();
        w.Line("return null;");
        w.Close();
        w.Close();
        for (var i = 0; i < shapes.Count; i++)
        {
            if (BuiltInConverter(shapes[i]) is not null)
            {
                continue;
            }

            // A body or response that is a list or map rather than a model gets its own converter.
            var clr = TypeName(shapes[i], false);
            w.Line();
            w.Open($"private sealed class Shape{i}Converter : {Json}.Serialization.JsonConverter<{clr}>");
            w.Open($"public override {clr} Read(ref {Json}.Utf8JsonReader reader, global::System.Type typeToConvert, {Json}.JsonSerializerOptions options)");
            w.Line($"{clr} result;");
            EmitRead(w, shapes[i].WithNullable(false), "result", 0);
            w.Line("return result;");
            w.Close();
            w.Line();
            w.Open($"public override void Write({Json}.Utf8JsonWriter writer, {clr} value, {Json}.JsonSerializerOptions options)");
            EmitWrite(w, shapes[i].WithNullable(false), "value", 0);
            w.Close();
            w.Close();
        }
        w.Close();
        w.Close();

        // Error helpers live beside the resolver: one per namespace, shared by every converter.
        w.Line();
        w.Open($"namespace {_spec.Namespace}.Serialization");
        w.Summary("Builds the JsonExceptions the converters throw, with the JSON path of the bad field.");
        w.Open("internal static class JsonErrors");
        w.Open($"public static {Json}.JsonException At(global::System.Exception inner, string property, string type, long offset)");
        w.Line("var fullPath = \"$.\" + property + InnerPath(inner);");
        w.Line("var root = inner is JsonPathException marked ? marked.Reason : inner.Message;");
        w.Line("return Located(new JsonPathException(fullPath, root, \"Could not read \" + type + \" at '\" + fullPath + \"': \" + root, inner), inner, offset);");
        w.Close();
        w.Line();
        w.Summary("Prefixes an array index or map key to the path of an error read inside a collection.");
        w.Open($"public static {Json}.JsonException Prefix(global::System.Exception inner, string segment, long offset)");
        w.Line("var root = inner is JsonPathException marked ? marked.Reason : inner.Message;");
        w.Line("var fullPath = \"$\" + segment + InnerPath(inner);");
        w.Line("return Located(new JsonPathException(fullPath, root, \"Could not read the value at '\" + fullPath + \"': \" + root, inner), inner, offset);");
        w.Close();
        w.Line();
        w.Summary("Setting Path stops System.Text.Json from adding a position, so the reader's byte offset (the innermost one) travels in Data, where CatchAll.Runtime turns it into a line and byte.");
        w.Open($"private static {Json}.JsonException Located({Json}.JsonException exception, global::System.Exception inner, long offset)");
        w.Line("exception.Data[OffsetKey] = inner.Data[OffsetKey] is long innerOffset ? innerOffset : offset;");
        w.Line("return exception;");
        w.Close();
        w.Line();
        w.Line("private const string OffsetKey = \"CatchAll.JsonByteOffset\";");
        w.Line();
        w.Line($"private static string InnerPath(global::System.Exception inner) => inner is {Json}.JsonException json && json.Path is {{ Length: > 1 }} path && path[0] == '$' ? path.Substring(1) : string.Empty;");
        w.Line();
        w.Line($"public static {Json}.JsonException Missing(string property, string type) => new JsonPathException(\"$.\" + property, \"missing\", \"Required property '\" + property + \"' of \" + type + \" is missing.\", null);");
        w.Line();
        w.Summary("Reads a date-time; one without an offset (some endpoints send those) is taken as UTC, whatever the machine's time zone.");
        w.Open($"public static global::System.DateTimeOffset ReadDateTimeOffset(ref {Json}.Utf8JsonReader reader)");
        w.Line("var value = reader.GetDateTime();");
        w.Line("return value.Kind == global::System.DateTimeKind.Unspecified");
        w.Line("    ? new global::System.DateTimeOffset(value, global::System.TimeSpan.Zero)");
        w.Line("    : reader.GetDateTimeOffset();");
        w.Close();
        w.Line();
        w.Line($"public static {Json}.JsonException Null(string property, string type) => new JsonPathException(\"$.\" + property, \"null\", \"Required property '\" + property + \"' of \" + type + \" is null.\", null);");
        w.Close();
        w.Line();
        w.Summary("A JsonException that carries its path in Path as well as in the message.");
        w.Open($"internal sealed class JsonPathException : {Json}.JsonException");
        w.Line("public JsonPathException(string path, string reason, string message, global::System.Exception? inner)");
        w.Line("    : base(message, path, null, null, inner)");
        w.Line("{");
        w.Line("    Reason = reason;");
        w.Line("}");
        w.Line();
        w.Line("public string Reason { get; }");
        w.Close();
        w.Close();
        return w.ToString();
    }
}
