using System.Collections.Generic;
using System.IO;
using SharpYaml.Serialization;

namespace CatchAll.Spec.Tests;

/// <summary>
/// Walks a spec as plain YAML. The OpenAPI object model cannot tell `additionalProperties: true` from an
/// absent keyword, and wording checks should see the text exactly as written.
/// </summary>
internal static class RawYaml
{
    public static YamlNode Load(string path)
    {
        var stream = new YamlStream();
        using var reader = File.OpenText(path);
        stream.Load(reader);
        return stream.Documents[0].RootNode;
    }

    /// <summary>Every description and summary written as documentation; example data is skipped.</summary>
    public static List<(string Pointer, string Text)> DocumentationTexts(YamlNode root)
    {
        var texts = new List<(string, string)>();
        Walk(root, string.Empty, false, texts, null);
        return texts;
    }

    /// <summary>Where `additionalProperties` is written and what it holds (true, false, {} or a schema).</summary>
    public static List<string> AdditionalProperties(YamlNode root)
    {
        var facts = new List<string>();
        Walk(root, string.Empty, false, null, facts);
        return facts;
    }

    private static void Walk(YamlNode node, string pointer, bool keysAreNames, List<(string, string)>? texts, List<string>? additional)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var child in mapping.Children)
                {
                    var key = (child.Key as YamlScalarNode)?.Value ?? string.Empty;
                    var path = pointer + "/" + key.Replace("~", "~0").Replace("/", "~1");
                    if (keysAreNames)
                    {
                        Walk(child.Value, path, false, texts, additional);
                        continue;
                    }

                    switch (key)
                    {
                        case "example" or "enum" or "default" or "const":
                            continue;
                        case "examples":
                            CollectExampleSummaries(child.Value, path, texts);
                            continue;
                        case "description" or "summary" when child.Value is YamlScalarNode text:
                            texts?.Add((path, text.Value ?? string.Empty));
                            continue;
                        case "additionalProperties":
                            additional?.Add("additionalProperties " + pointer + " = " + Kind(child.Value));
                            break;
                    }

                    Walk(child.Value, path, key == "properties", texts, additional);
                }

                break;
            case YamlSequenceNode sequence:
                var index = 0;
                foreach (var item in sequence.Children)
                {
                    Walk(item, pointer + "/" + index++, false, texts, additional);
                }

                break;
        }
    }

    private static void CollectExampleSummaries(YamlNode examples, string pointer, List<(string, string)>? texts)
    {
        // Named examples carry documentation of their own; their `value` is data.
        if (texts is null || examples is not YamlMappingNode named)
        {
            return;
        }

        foreach (var example in named.Children)
        {
            if (example.Value is not YamlMappingNode fields)
            {
                continue;
            }

            foreach (var field in fields.Children)
            {
                var name = (field.Key as YamlScalarNode)?.Value;
                if (name is "summary" or "description" && field.Value is YamlScalarNode text)
                {
                    texts.Add((pointer + "/" + (example.Key as YamlScalarNode)?.Value + "/" + name, text.Value ?? string.Empty));
                }
            }
        }
    }

    private static string Kind(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value ?? "null",
        YamlMappingNode { Children.Count: 0 } => "{}",
        _ => "schema",
    };
}
