using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using SharpYaml;
using SharpYaml.Serialization;

namespace CatchAll.Codegen.Tests.Infrastructure;

/// <summary>
/// Structure-aware damage to an OpenAPI document: it works on the document's tree, not its text, so
/// the mutants stay readable and reach the parser and the emitter instead of stopping at the YAML
/// reader. Each mutant is one seeded draw of one to three edits, written out as indented JSON (which
/// the generator reads like YAML), and describes itself so a failure reproduces.
/// </summary>
internal sealed class SpecMutator
{
    private static readonly string[] OddNames =
    {
        "class", "namespace", "default", "1st", "2xx", "", " ", "a b-c.d", "$$", "@type", "ünïcödé", "Ω",
        "Kind", "JsonConverter", "AdditionalProperties", "Value", "Equals", "GetHashCode", "ToString", "System",
        "global", "CatchAllClient", "ICatchAllClient", "CatchAllClientJson", "Models", "Serialization", "_", "__",
        "options", "cancellationToken", "body", "request_", "response_", "writer", "reader", "value", "Unknown",
        new string('x', 300), "x-catchall-wait", "$ref", "null", "true", "0", "-1", "a/b", "~0~1", "<T>", "a\"b", "line\nbreak",
    };

    private static readonly string[] Types = { "string", "integer", "number", "boolean", "array", "object", "null", "banana" };

    private static readonly string[] Formats = { "date-time", "uuid", "date", "binary", "int64", "int32", "float", "double", "byte", "email", "nonsense" };

    private readonly JsonNode _original;
    private readonly Random _random;

    public SpecMutator(string yaml, int seed)
    {
        _original = Load(yaml);
        _random = new Random(seed);
    }

    public sealed record Mutant(int Index, string Description, string Text);

    public Mutant Next(int index)
    {
        var root = _original.DeepClone();
        var edits = new List<string>();
        for (var i = _random.Next(1, 4); i > 0; i--)
        {
            edits.Add(Mutate(root));
        }

        return new Mutant(index, string.Join("; ", edits), root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private string Mutate(JsonNode root)
    {
        var slots = Slots(root);
        var (parent, key, pointer) = Pick(slots);
        var node = Get(parent, key);
        switch (_random.Next(9))
        {
            case 0:
                Remove(parent, key);
                return "drop " + pointer;
            case 1:
                {
                    var objects = slots.Where(s => Get(s.Parent, s.Key) is JsonObject).ToList();
                    var (targetParent, targetKey, targetPointer) = objects[_random.Next(objects.Count)];
                    var into = (JsonObject)Get(targetParent, targetKey)!;
                    var name = Unique(into, key as string ?? "copy");
                    into[name] = node?.DeepClone();
                    return $"duplicate {pointer} into {targetPointer}/{name}";
                }

            case 2:
                {
                    var replacement = RandomValue();
                    Set(parent, key, replacement);
                    return $"retype {pointer} to {Short(replacement)}";
                }

            case 3:
                {
                    if (parent is JsonObject obj && key is string name)
                    {
                        var newName = OddNames[_random.Next(OddNames.Length)];
                        if (obj.ContainsKey(newName))
                        {
                            return "rename (taken) " + pointer;
                        }

                        obj.Remove(name);
                        obj[newName] = node;
                        return $"rename {pointer} to '{Short(newName)}'";
                    }

                    return "rename (array item) " + pointer;
                }

            case 4:
                {
                    var wrapped = _random.Next(4) switch
                    {
                        0 => new JsonObject { ["allOf"] = new JsonArray(node?.DeepClone()) },
                        1 => new JsonObject { ["oneOf"] = new JsonArray(node?.DeepClone(), new JsonObject { ["type"] = "null" }) },
                        2 => new JsonObject { ["type"] = "array", ["items"] = node?.DeepClone() },
                        _ => (JsonNode)new JsonObject { ["type"] = "object", ["additionalProperties"] = node?.DeepClone() },
                    };
                    Set(parent, key, wrapped);
                    return $"nest {pointer} in {Short(wrapped.ToJsonString())}";
                }

            case 5:
                {
                    var refs = slots.Where(s => s.Key is "$ref").ToList();
                    if (refs.Count == 0)
                    {
                        return "break ref (none)";
                    }

                    var (refParent, refKey, refPointer) = refs[_random.Next(refs.Count)];
                    var broken = _random.Next(5) switch
                    {
                        0 => "#/components/schemas/Nowhere",
                        1 => "other.yaml#/components/schemas/Thing",
                        2 => "#/paths",
                        3 => "#",
                        _ => "#/components/schemas/" + OddNames[_random.Next(OddNames.Length)],
                    };
                    Set(refParent, refKey, broken);
                    return $"break {refPointer} to '{Short(broken)}'";
                }

            case 6:
                {
                    var schemas = slots.Where(s => s.Key is "type" && Get(s.Parent, s.Key) is JsonValue).ToList();
                    if (schemas.Count == 0)
                    {
                        return "retype schema (none)";
                    }

                    var (typeParent, typeKey, typePointer) = schemas[_random.Next(schemas.Count)];
                    JsonNode value = _random.Next(4) == 0
                        ? new JsonArray(Types[_random.Next(Types.Length)], Types[_random.Next(Types.Length)])
                        : Types[_random.Next(Types.Length)];
                    Set(typeParent, typeKey, value);
                    if (typeParent is JsonObject schema && _random.Next(2) == 0)
                    {
                        schema["format"] = Formats[_random.Next(Formats.Length)];
                    }

                    return $"set {typePointer} to {Short(value.ToJsonString())}";
                }

            case 7:
                {
                    // Odd keywords on a schema-looking object: enum, default, const, nullable, discriminator.
                    var objects = slots.Where(s => Get(s.Parent, s.Key) is JsonObject o && (o.ContainsKey("type") || o.ContainsKey("properties"))).ToList();
                    if (objects.Count == 0)
                    {
                        return "odd keyword (none)";
                    }

                    var (p, k, schemaPointer) = objects[_random.Next(objects.Count)];
                    var schema = (JsonObject)Get(p, k)!;
                    var keyword = new[] { "enum", "default", "const", "nullable", "discriminator", "required", "additionalProperties", "items", "properties" }[_random.Next(9)];
                    var value = keyword switch
                    {
                        "enum" => new JsonArray(RandomScalar(), RandomScalar(), RandomScalar()),
                        "discriminator" => new JsonObject { ["propertyName"] = OddNames[_random.Next(OddNames.Length)] },
                        "required" => new JsonArray(OddNames[_random.Next(OddNames.Length)]),
                        "properties" => new JsonObject { [OddNames[_random.Next(OddNames.Length)]] = new JsonObject { ["type"] = Types[_random.Next(Types.Length)] } },
                        "nullable" => JsonValue.Create(_random.Next(2) == 0),
                        _ => RandomValue(),
                    };
                    schema[keyword] = value;
                    return $"set {schemaPointer}/{keyword} to {Short(value?.ToJsonString() ?? "null")}";
                }

            default:
                {
                    // An odd name where names become C# identifiers: a schema, a property, an operationId, a parameter.
                    var named = slots.Where(s => s.Pointer.StartsWith("/components/schemas/", StringComparison.Ordinal) && s.Pointer.Count(c => c == '/') == 3
                        || s.Pointer.EndsWith("/operationId", StringComparison.Ordinal)
                        || (s.Pointer.Contains("/parameters/") && s.Key is "name")
                        || (s.Parent is JsonObject && s.Pointer.Contains("/properties/") && s.Pointer.Split('/').Reverse().Skip(1).FirstOrDefault() == "properties")).ToList();
                    if (named.Count == 0)
                    {
                        return "odd name (none)";
                    }

                    var (p, k, namePointer) = named[_random.Next(named.Count)];
                    var odd = OddNames[_random.Next(OddNames.Length)];
                    if (p is JsonObject obj && k is string name && name is not "operationId" and not "name")
                    {
                        if (obj.ContainsKey(odd))
                        {
                            return "odd name (taken) " + namePointer;
                        }

                        var value = obj[name];
                        obj.Remove(name);
                        obj[odd] = value;
                    }
                    else
                    {
                        Set(p, k, odd);
                    }

                    return $"name {namePointer} '{Short(odd)}'";
                }
        }
    }

    private (JsonNode Parent, object Key, string Pointer) Pick(List<(JsonNode Parent, object Key, string Pointer)> slots)
    {
        // Two thirds of the edits land in the schemas, where most of the generator's decisions are.
        var schemas = slots.Where(s => s.Pointer.StartsWith("/components/schemas", StringComparison.Ordinal)).ToList();
        var pool = schemas.Count > 0 && _random.Next(3) != 0 ? schemas : slots;
        return pool[_random.Next(pool.Count)];
    }

    private static List<(JsonNode Parent, object Key, string Pointer)> Slots(JsonNode root)
    {
        var slots = new List<(JsonNode, object, string)>();
        void Walk(JsonNode node, string pointer)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var pair in obj.ToList())
                    {
                        var path = pointer + "/" + pair.Key.Replace("~", "~0").Replace("/", "~1");
                        slots.Add((obj, pair.Key, path));
                        if (pair.Value is not null)
                        {
                            Walk(pair.Value, path);
                        }
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        slots.Add((array, i, pointer + "/" + i));
                        if (array[i] is { } item)
                        {
                            Walk(item, pointer + "/" + i);
                        }
                    }

                    break;
            }
        }

        Walk(root, string.Empty);
        return slots;
    }

    private static JsonNode? Get(JsonNode parent, object key) => key is string name ? parent.AsObject()[name] : parent.AsArray()[(int)key];

    private static void Set(JsonNode parent, object key, JsonNode? value)
    {
        if (key is string name)
        {
            parent.AsObject()[name] = value;
        }
        else
        {
            parent.AsArray()[(int)key] = value;
        }
    }

    private static void Remove(JsonNode parent, object key)
    {
        if (key is string name)
        {
            parent.AsObject().Remove(name);
        }
        else
        {
            parent.AsArray().RemoveAt((int)key);
        }
    }

    private static string Unique(JsonObject obj, string name)
    {
        var candidate = name + "_copy";
        for (var i = 2; obj.ContainsKey(candidate); i++)
        {
            candidate = name + "_copy" + i.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private JsonNode? RandomValue() => _random.Next(7) switch
    {
        0 => null,
        1 => new JsonObject(),
        2 => new JsonArray(),
        3 => new JsonArray(RandomScalar()),
        4 => new JsonObject { [OddNames[_random.Next(OddNames.Length)]] = RandomScalar() },
        _ => RandomScalar(),
    };

    private JsonNode? RandomScalar() => _random.Next(9) switch
    {
        0 => JsonValue.Create(0),
        1 => JsonValue.Create(-1),
        2 => JsonValue.Create(1.5),
        3 => JsonValue.Create(long.MaxValue),
        4 => JsonValue.Create(true),
        5 => null,
        6 => JsonValue.Create("*/ <b>&amp;\" \\ \u2028 {0}"),
        _ => JsonValue.Create(OddNames[_random.Next(OddNames.Length)]),
    };

    private static string Short(object? value)
    {
        var text = value is JsonNode node ? node.ToJsonString() : value?.ToString() ?? "null";
        return text.Length > 60 ? text.Substring(0, 57) + "..." : text;
    }

    private static JsonNode Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode)!;
    }

    private static JsonNode? Convert(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var pair in mapping.Children)
                {
                    obj[((YamlScalarNode)pair.Key).Value!] = Convert(pair.Value);
                }

                return obj;
            case YamlSequenceNode sequence:
                return new JsonArray(sequence.Children.Select(Convert).ToArray());
            case YamlScalarNode scalar:
                var text = scalar.Value ?? string.Empty;
                if (scalar.Style != ScalarStyle.Plain)
                {
                    return JsonValue.Create(text);
                }

                if (text is "null" or "~" or "")
                {
                    return null;
                }

                if (text is "true" or "false")
                {
                    return JsonValue.Create(text == "true");
                }

                if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
                {
                    return JsonValue.Create(integer);
                }

                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !double.IsInfinity(number) && !double.IsNaN(number))
                {
                    return JsonValue.Create(number);
                }

                return JsonValue.Create(text);
            default:
                return null;
        }
    }
}
