using System.Collections.Generic;
using System.Linq;
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
            if (type is UnionDecl union)
            {
                yield return union.UnknownVariant;
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
    private static readonly HashSet<string> JsonClassMembers = new() { "Options", "Resolver", "CreateOptions", "s_options", "TypeInfo", "Cached" };

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
            // field per type is what a source-generated JsonSerializerContext keeps (here one generic
            // class's, so the field needs no line of its own). A race only looks the same instance up
            // twice: Options hands out one JsonTypeInfo per type.
            w.Doc("summary", $"Metadata for <see cref=\"{ModelName(typeName)}\"/>.", raw: true);
            w.Line($"public static {Json}.Serialization.Metadata.JsonTypeInfo<{ModelName(typeName)}> {accessor} => Cached<{ModelName(typeName)}>.Value ??= TypeInfo<{ModelName(typeName)}>();");
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
        if (ResolvedTypeNames().Any())
        {
            w.Line("private static class Cached<T> { public static " + Json + ".Serialization.Metadata.JsonTypeInfo<T>? Value; }");
            w.Line();
        }

        w.Open($"private sealed class {name}Resolver : {Json}.Serialization.Metadata.IJsonTypeInfoResolver");
        w.Open($"public {Json}.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(global::System.Type type, {Json}.JsonSerializerOptions options)");
        foreach (var typeName in ResolvedTypeNames())
        {
            var model = ModelName(typeName);
            w.Line($"if (type == typeof({model})) return {Json}.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<{model}>(options, {model}.JsonConverter.Instance);");
        }

        var shapes = RootShapes();
        for (var i = 0; i < shapes.Count; i++)
        {
            var clr = TypeName(shapes[i], false);
            var builtIn = BuiltInConverter(shapes[i]);
            w.Line($"if (type == typeof({clr})) return {Json}.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<{clr}>(options, {builtIn ?? $"new Shape{i}Converter()"});");
        }

        w.Line($"if (type == typeof({Json}.JsonElement)) return {Json}.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<{Json}.JsonElement>(options, {Json}.Serialization.Metadata.JsonMetadataServices.JsonElementConverter);");
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
            var readSignature = $"public override {clr} Read(ref {Json}.Utf8JsonReader reader, global::System.Type typeToConvert, {Json}.JsonSerializerOptions options)";
            if (ReadExpression(shapes[i]) is { } read)
            {
                w.Line($"{readSignature} => {read} ?? throw new {Json}.JsonException(\"null is not allowed here: a {Describe(shapes[i])} is expected.\");");
            }
            else
            {
                w.Open(readSignature);
                w.Line($"{clr} result;");
                EmitRead(w, shapes[i].WithNullable(false), "result", 0);
                w.Line("return result;");
                w.Close();
            }

            w.Line();
            var writeSignature = $"public override void Write({Json}.Utf8JsonWriter writer, {clr} value, {Json}.JsonSerializerOptions options)";
            if (WriteStatement(shapes[i].WithNullable(false), "value") is { } write)
            {
                w.Line($"{writeSignature} => {write}");
            }
            else
            {
                w.Open(writeSignature);
                EmitWrite(w, shapes[i].WithNullable(false), "value", 0);
                w.Close();
            }

            w.Close();
        }
        w.Close();
        w.Close();

        // Error helpers live beside the resolver: one per namespace, shared by every converter. They forward to
        // the runtime, whose list and map helpers throw the same exception type, so a path nests however deep.
        w.Line();
        w.Open($"namespace {_spec.Namespace}.Serialization");
        w.Summary("Builds the JsonExceptions the converters throw, with the JSON path of the bad field.");
        w.Open("internal static class JsonErrors");
        w.Line($"public static {Json}.JsonException At(global::System.Exception inner, string property, string type, long offset) => {Helpers}.At(inner, property, type, offset);");
        w.Line();
        w.Line($"public static {Json}.JsonException Prefix(global::System.Exception inner, string segment, long offset) => {Helpers}.Prefix(inner, segment, offset);");
        w.Line();
        w.Line($"public static {Json}.JsonException Missing(string property, string type) => {Helpers}.Missing(property, type);");
        w.Line();
        w.Line($"public static {Json}.JsonException Null(string property, string type) => {Helpers}.Null(property, type);");
        w.Line();
        w.Line($"public static global::System.DateTimeOffset ReadDateTimeOffset(ref {Json}.Utf8JsonReader reader) => {Helpers}.ReadDateTimeOffset(ref reader);");
        w.Close();
        w.Close();
        return w.ToString();
    }
}
