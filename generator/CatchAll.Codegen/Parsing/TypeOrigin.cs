namespace CatchAll.Codegen.Parsing;

/// <summary>Where a declared type's name came from, so the rules can name it again.</summary>
internal sealed class TypeOrigin
{
    private TypeOrigin(string name, string? owner, bool isOverride, bool isComponent = false)
    {
        Name = name;
        Owner = owner;
        IsOverride = isOverride;
        IsComponent = isComponent;
    }

    /// <summary>Declared under components/schemas, as opposed to inline.</summary>
    public bool IsComponent { get; }

    /// <summary>The schema name, the explicit name, or (with an owner) what follows the owner's name.</summary>
    public string Name { get; }

    public string? Owner { get; }

    public bool IsOverride { get; }

    public static TypeOrigin Component(string schemaName, string? explicitName) =>
        new(explicitName ?? Naming.Pascal(schemaName), null, explicitName is not null, isComponent: true);

    public static TypeOrigin Inline(string owner, string suffix) => new(suffix, owner, false);

    public static TypeOrigin Fixed(string name, bool isOverride) => new(name, null, isOverride);
}
