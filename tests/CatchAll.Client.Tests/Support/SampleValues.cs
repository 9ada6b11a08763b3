using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;

namespace CatchAll.Client.Tests.Support;

/// <summary>Builds non-default values for generated members, so a test can set exactly the members it chooses.</summary>
internal static class SampleValues
{
    public static readonly Guid SampleGuid = Guid.Parse("5f0c9087-85cb-4917-b3c7-e5a5eff73a0c");
    public static readonly DateTimeOffset SampleInstant = new(2026, 2, 18, 9, 30, 0, TimeSpan.Zero);

    /// <summary>A generated model instance with only the given members set (constructors and initializers run).</summary>
    public static object Create(Type type) =>
        type.IsAbstract ? CreateVariant(type) : Activator.CreateInstance(type) ?? throw new InvalidOperationException("Cannot create " + type);

    public static object? For(Type type, int depth = 0)
    {
        var nullable = Nullable.GetUnderlyingType(type);
        if (nullable is not null)
        {
            return For(nullable, depth);
        }

        if (type == typeof(string))
        {
            return "x";
        }

        if (type == typeof(Guid))
        {
            return SampleGuid;
        }

        if (type == typeof(int))
        {
            return 7;
        }

        if (type == typeof(long))
        {
            return 7L;
        }

        if (type == typeof(double))
        {
            return 1.5;
        }

        if (type == typeof(float))
        {
            return 1.5f;
        }

        if (type == typeof(decimal))
        {
            return 1.5m;
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type == typeof(DateTimeOffset))
        {
            return SampleInstant;
        }

        if (type == typeof(JsonElement))
        {
            return JsonDocument.Parse("{\"k\":1}").RootElement.Clone();
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(CatchAll.Optional<>))
        {
            return Activator.CreateInstance(type, For(type.GetGenericArguments()[0], depth));
        }

        if (Generated.ItemType(type) is { } item)
        {
            var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(item))!;
            if (depth < 3)
            {
                list.Add(For(item, depth + 1));
            }

            return list;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IDictionary<,>))
        {
            var args = type.GetGenericArguments();
            var map = (System.Collections.IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(args))!;
            map["k"] = For(args[1], depth + 1);
            return map;
        }

        if (Generated.IsModel(type))
        {
            if (type.GetProperty("KnownValues", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is System.Collections.IEnumerable known)
            {
                // The last known value, so a writer that emits the first member by default is caught.
                return known.Cast<object>().Last();
            }

            if (type.IsValueType)
            {
                // A oneOf of scalars (such as a loc item): a string converts implicitly.
                var fromString = type.GetMethod("op_Implicit", new[] { typeof(string) });
                return fromString?.Invoke(null, new object[] { "x" }) ?? Activator.CreateInstance(type);
            }

            var instance = Create(type);
            FillRequired(instance);
            return instance;
        }

        throw new NotSupportedException("No sample value for " + type);
    }

    /// <summary>Sets every C# <c>required</c> member of a generated model to a sample value.</summary>
    public static void FillRequired(object instance, int depth = 0)
    {
        foreach (var property in RequiredMembers(instance.GetType()))
        {
            property.SetValue(instance, For(property.PropertyType, depth + 1));
        }
    }

    public static IEnumerable<PropertyInfo> RequiredMembers(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetCustomAttributes().Any(a => a.GetType().Name == "RequiredMemberAttribute"));

    private static object CreateVariant(Type union)
    {
        var variant = union.Assembly.GetTypes().First(t => !t.IsAbstract && union.IsAssignableFrom(t) && !t.Name.StartsWith("Unknown", StringComparison.Ordinal));
        var instance = Activator.CreateInstance(variant)!;
        FillRequired(instance);
        return instance;
    }
}
