using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CatchAll.Codegen.Tests.Infrastructure;

/// <summary>
/// A spec as the build hands it to the generator: an AdditionalFiles item plus the item metadata
/// CatchAll.Codegen.targets makes compiler-visible. Null metadata is left out; an empty string is
/// what MSBuild writes for metadata declared without a value.
/// </summary>
internal sealed record SpecFile(string Path, string Text, string? Namespace = null, string? ClientName = null, string? IsSpec = "true", string? Resources = null)
{
    public const string MetadataPrefix = "build_metadata.AdditionalFiles.";

    public AdditionalText ToAdditionalText() => new InMemoryAdditionalText(Path, Text);

    public ImmutableDictionary<string, string> Metadata()
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>();
        Add(builder, "CatchAllSpec", IsSpec);
        Add(builder, "CatchAllNamespace", Namespace);
        Add(builder, "CatchAllClientName", ClientName);
        Add(builder, "CatchAllResources", Resources);
        return builder.ToImmutable();
    }

    private static void Add(ImmutableDictionary<string, string>.Builder builder, string name, string? value)
    {
        if (value is not null)
        {
            builder[MetadataPrefix + name] = value;
        }
    }
}
