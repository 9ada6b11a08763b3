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
            switch (type)
            {
                case ObjectDecl o:
                    foreach (var property in o.Properties)
                    {
                        names.Add("json " + property.JsonName);
                    }

                    break;
                case EnumDecl e:
                    foreach (var value in e.Values)
                    {
                        names.Add("enum " + value.Wire);
                    }

                    break;
                case UnionDecl u:
                    names.Add("json " + u.DiscriminatorProperty);
                    foreach (var variant in u.Variants)
                    {
                        names.Add("discriminator " + variant.Key);
                    }

                    break;
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
