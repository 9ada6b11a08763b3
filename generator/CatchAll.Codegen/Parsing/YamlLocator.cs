using System;
using System.Collections.Generic;
using System.IO;
using SharpYaml;
using SharpYaml.Events;

namespace CatchAll.Codegen.Parsing;

/// <summary>
/// Maps JSON pointers (/components/schemas/A/properties/b) to 1-based YAML line and column.
/// The OpenAPI object model carries no positions, so diagnostics look them up here, and only
/// when there is a diagnostic to place.
/// </summary>
internal sealed class YamlLocator
{
    private readonly Dictionary<string, (int Line, int Column)> _positions = new(StringComparer.Ordinal);
    private readonly List<string> _emptyValues = new();

    private YamlLocator()
    {
    }

    /// <summary>Reads the YAML event stream; throws <see cref="YamlException"/> on malformed YAML.</summary>
    public static YamlLocator Build(string text)
    {
        var locator = new YamlLocator();
        var parser = Parser.CreateParser(new StringReader(text));
        var stack = new Stack<Frame>();
        while (parser.MoveNext())
        {
            var current = parser.Current;
            if (current is null)
            {
                continue;
            }

            switch (current)
            {
                case MappingStart or SequenceStart:
                    {
                        var pointer = locator.NextValuePointer(stack, current.Start);
                        stack.Push(new Frame(pointer, current is MappingStart));
                        break;
                    }

                case MappingEnd or SequenceEnd:
                    if (stack.Count > 0)
                    {
                        stack.Pop();
                    }

                    break;
                case Scalar scalar:
                    if (stack.Count > 0 && stack.Peek() is { IsMapping: true, PendingKey: null } frame)
                    {
                        frame.PendingKey = scalar.Value;
                        frame.KeyMark = scalar.Start;
                    }
                    else
                    {
                        var pointer = locator.NextValuePointer(stack, scalar.Start);
                        if (scalar.IsPlainImplicit && scalar.Value is "" or "~" or "null" or "Null" or "NULL")
                        {
                            locator._emptyValues.Add(pointer);
                        }
                    }

                    break;
            }
        }

        return locator;
    }

    /// <summary>Finds a pointer, or its nearest located ancestor; (1, 1) when nothing matches.</summary>
    public (int Line, int Column) Locate(string pointer)
    {
        var candidate = pointer.StartsWith("#", StringComparison.Ordinal) ? pointer.Substring(1) : pointer;
        while (true)
        {
            if (_positions.TryGetValue(candidate, out var position))
            {
                return position;
            }

            var slash = candidate.LastIndexOf('/');
            if (slash < 0)
            {
                return (1, 1);
            }

            candidate = candidate.Substring(0, slash);
        }
    }

    /// <summary>
    /// The first key left without a value where the document needs one (not an example, default
    /// or enum entry, where null is data): what a half-typed spec looks like.
    /// </summary>
    public string? FirstMissingValue()
    {
        foreach (var pointer in _emptyValues)
        {
            var last = pointer.Substring(pointer.LastIndexOf('/') + 1);
            if (last is "example" or "default" or "const" || pointer.Contains("/enum/") || pointer.Contains("/example") || pointer.Contains("/x-"))
            {
                continue;
            }

            return pointer;
        }

        return null;
    }

    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    private string NextValuePointer(Stack<Frame> stack, Mark start)
    {
        if (stack.Count == 0)
        {
            Record(string.Empty, start);
            return string.Empty;
        }

        var parent = stack.Peek();
        string pointer;
        Mark mark;
        if (parent.IsMapping)
        {
            pointer = parent.Pointer + "/" + Escape(parent.PendingKey ?? string.Empty);
            mark = parent.KeyMark;
            parent.PendingKey = null;
        }
        else
        {
            pointer = parent.Pointer + "/" + parent.NextIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);
            parent.NextIndex++;
            mark = start;
        }

        Record(pointer, mark);
        return pointer;
    }

    private void Record(string pointer, Mark mark)
    {
        if (!_positions.ContainsKey(pointer))
        {
            _positions[pointer] = (mark.Line + 1, mark.Column + 1);
        }
    }

    private sealed class Frame
    {
        public Frame(string pointer, bool isMapping)
        {
            Pointer = pointer;
            IsMapping = isMapping;
        }

        public string Pointer { get; }

        public bool IsMapping { get; }

        public string? PendingKey { get; set; }

        public Mark KeyMark { get; set; }

        public int NextIndex { get; set; }
    }
}
