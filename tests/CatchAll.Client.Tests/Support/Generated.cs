using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using CatchAll.Runtime;

namespace CatchAll.Client.Tests.Support;

/// <summary>Reflection over the generated surface (fine in tests): find types, properties and operation methods.</summary>
internal static class Generated
{
    public const string ModelsNamespace = "CatchAll.Models";

    public static Assembly Assembly => typeof(CatchAllClient).Assembly;

    /// <summary>
    /// The generated type of a component schema, by the generator's naming rules: PascalCase without a trailing
    /// Dto, and a name that System or System.Net.Http already has prefixed with its owner (HttpMethod: WebhookHttpMethod).
    /// </summary>
    public static Type? ModelType(string schemaName)
    {
        var name = Pascal(schemaName);
        if (name.EndsWith("Dto", StringComparison.Ordinal) || name.EndsWith("DTO", StringComparison.Ordinal))
        {
            name = name.Substring(0, name.Length - 3);
        }

        if (typeof(object).Assembly.GetType("System." + name) is null && typeof(System.Net.Http.HttpClient).Assembly.GetType("System.Net.Http." + name) is null)
        {
            return Assembly.GetType(ModelsNamespace + "." + name);
        }

        return Assembly.GetTypes().SingleOrDefault(t => IsModel(t) && t.Name.EndsWith(name, StringComparison.Ordinal) && t.Name != name);
    }

    public static bool IsModel(Type type) => type.Namespace == ModelsNamespace && type.Assembly == Assembly;

    public static string Pascal(string name) =>
        string.Concat(name.Split('_', '-', ' ').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));

    public static JsonTypeInfo TypeInfo(Type type) => CatchAllClientJson.Options.GetTypeInfo(type);

    public static object? Read(string json, Type type) => JsonSerializer.Deserialize(json, TypeInfo(type));

    public static string Write(object? value, Type type) => JsonSerializer.Serialize(value, TypeInfo(type));

    public static T Read<T>(string json) => JsonSerializer.Deserialize(json, CatchAllClientJson.TypeInfo<T>())!;

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, CatchAllClientJson.TypeInfo<T>());

    /// <summary>Strips Nullable&lt;T&gt; and Optional&lt;T&gt;.</summary>
    public static Type Unwrap(Type type)
    {
        while (true)
        {
            if (Nullable.GetUnderlyingType(type) is { } inner)
            {
                type = inner;
                continue;
            }

            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Optional<>))
            {
                type = type.GetGenericArguments()[0];
                continue;
            }

            return type;
        }
    }

    /// <summary>The element type of IList&lt;T&gt; / IEnumerable&lt;T&gt; (not string, not dictionaries).</summary>
    public static Type? ItemType(Type type)
    {
        if (type == typeof(string) || !type.IsGenericType)
        {
            return null;
        }

        var def = type.GetGenericTypeDefinition();
        if (def == typeof(IList<>) || def == typeof(List<>) || def == typeof(IReadOnlyList<>) || def == typeof(IEnumerable<>) || def == typeof(ICollection<>))
        {
            return type.GetGenericArguments()[0];
        }

        return null;
    }

    public static PropertyInfo? JsonProperty(Type type, string wireName) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name == wireName);

    public static IReadOnlyList<Type> ClientInterfaces() =>
        typeof(CatchAllClient).GetProperties()
            .Select(p => p.PropertyType)
            .Where(t => t.IsInterface && t.Name.EndsWith("Client", StringComparison.Ordinal))
            .ToList();

    /// <summary>The XxxWithResponseAsync method generated for an operationId.</summary>
    public static MethodInfo? WithResponseMethod(string operationId) =>
        ClientInterfaces().SelectMany(i => i.GetMethods())
            .SingleOrDefault(m => string.Equals(m.Name, Pascal(operationId) + "WithResponseAsync", StringComparison.OrdinalIgnoreCase));

    /// <summary>The JSON body type of an operation's successful response (T of Task&lt;ApiResponse&lt;T&gt;&gt;), or null.</summary>
    public static Type? ResponseType(string operationId)
    {
        var method = WithResponseMethod(operationId);
        var task = method?.ReturnType;
        if (task is null || !task.IsGenericType)
        {
            return null;
        }

        var response = task.GetGenericArguments()[0];
        return response.IsGenericType && response.GetGenericTypeDefinition() == typeof(ApiResponse<>)
            ? response.GetGenericArguments()[0]
            : null;
    }

    /// <summary>The type of an operation's "body" parameter, or null.</summary>
    public static Type? RequestBodyType(string operationId) =>
        WithResponseMethod(operationId)?.GetParameters().FirstOrDefault(p => p.Name == "body")?.ParameterType;
}
