using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CatchAll.Codegen.Model;
using CatchAll.Codegen.Parsing;

namespace CatchAll.Codegen.Tests.Infrastructure;

/// <summary>
/// Every name the generated code puts on the wire, independent of the C# names around it: JSON member names,
/// enum wire values, discriminator keys, operation paths and parameter names. Renaming C# types must leave it unchanged.
/// </summary>
internal static class WireNames
{
    public static SpecModel Parse(string text, string path = "catchall.yaml")
    {
        var result = SpecParser.Parse(new SpecInput(path, text, "CatchAll", "CatchAllClient"), CancellationToken.None);
        return result.Model ?? throw new System.InvalidOperationException("The spec did not parse: " + string.Join("; ", result.Diagnostics.Select(d => d.Message)));
    }

    public static IReadOnlyList<string> Of(SpecModel model)
    {
        var names = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var type in model.Types)
        {
            foreach (var property in type.Properties)
            {
                names.Add("json " + property.JsonName);
            }

            foreach (var value in type.EnumValues)
            {
                names.Add("enum " + value.Wire);
            }

            if (type.DiscriminatorProperty is { } discriminator)
            {
                names.Add("json " + discriminator);
            }

            foreach (var variant in type.Variants.Where(v => type.Kind == DeclKind.Union))
            {
                names.Add("discriminator " + variant.Key);
            }
        }

        foreach (var resource in model.Resources)
        {
            foreach (var operation in resource.Operations)
            {
                names.Add($"operation {operation.OperationId} {operation.HttpMethod} {operation.Path}");
                foreach (var parameter in operation.Parameters)
                {
                    names.Add($"parameter {operation.OperationId} {parameter.Location.ToString().ToLowerInvariant()} {parameter.WireName}");
                }

                foreach (var field in operation.MultipartFields)
                {
                    names.Add($"form {operation.OperationId} {field.WireName}");
                }
            }
        }

        return names.ToList();
    }
}
