using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CatchAll.Codegen.Tests.Infrastructure;

/// <summary>
/// Walks a pipeline value's whole object graph by reflection. A step output that holds a symbol,
/// a syntax node, a compilation or a Location keeps that compilation alive and compares by
/// reference, so every edit would look new and the generator would never be cached.
/// </summary>
internal static class PipelineGraph
{
    private static readonly Type[] Forbidden =
    {
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Compilation), typeof(SemanticModel),
        typeof(Location), typeof(AdditionalText), typeof(AnalyzerConfigOptions), typeof(AnalyzerConfigOptionsProvider),
        typeof(SourceText), typeof(Diagnostic),
    };

    /// <summary>Returns "path: type" for each forbidden object reached; counts the objects visited.</summary>
    public static List<string> FindForbidden(object? root, string rootName, out int visited)
    {
        var problems = new List<string>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var count = 0;
        Walk(root, rootName, seen, problems, ref count);
        visited = count;
        return problems;
    }

    /// <summary>The names of the types reached, to prove the walk went deep rather than stopping at the surface.</summary>
    public static HashSet<string> TypeNames(object? root)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<object>();
        if (root is not null)
        {
            stack.Push(root);
        }

        while (stack.Count > 0)
        {
            var value = stack.Pop();
            var type = value.GetType();
            if (IsLeaf(type) || (!type.IsValueType && !seen.Add(value)))
            {
                continue;
            }

            names.Add(type.Name);
            foreach (var child in Children(value))
            {
                if (child is not null)
                {
                    stack.Push(child);
                }
            }
        }

        return names;
    }

    private static void Walk(object? value, string path, HashSet<object> seen, List<string> problems, ref int count)
    {
        if (value is null)
        {
            return;
        }

        var type = value.GetType();
        if (IsLeaf(type) || (!type.IsValueType && !seen.Add(value)))
        {
            return;
        }

        count++;
        foreach (var forbidden in Forbidden)
        {
            if (forbidden.IsAssignableFrom(type))
            {
                problems.Add($"{path}: {type.FullName} (a {forbidden.Name})");
                return;
            }
        }

        if (value is Array array)
        {
            for (var i = 0; i < array.Length; i++)
            {
                Walk(array.GetValue(i), $"{path}[{i}]", seen, problems, ref count);
            }

            return;
        }

        foreach (var field in Fields(type))
        {
            Walk(field.GetValue(value), path + "." + Clean(field.Name), seen, problems, ref count);
        }
    }

    private static IEnumerable<object?> Children(object value)
    {
        if (value is Array array)
        {
            foreach (var item in array)
            {
                yield return item;
            }

            yield break;
        }

        foreach (var field in Fields(value.GetType()))
        {
            yield return field.GetValue(value);
        }
    }

    private static IEnumerable<FieldInfo> Fields(Type type)
    {
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                yield return field;
            }
        }
    }

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type.IsPointer || type == typeof(string) || type == typeof(decimal)
        || typeof(MemberInfo).IsAssignableFrom(type);

    // Record properties are stored in "<Name>k__BackingField"; show the property name.
    private static string Clean(string fieldName) =>
        fieldName.StartsWith("<", StringComparison.Ordinal) && fieldName.IndexOf('>') is var end and > 0
            ? fieldName.Substring(1, end - 1)
            : fieldName;
}
