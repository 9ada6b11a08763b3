using System;
using System.Collections.Generic;

namespace CatchAll;

/// <summary>One enrichment of a typed set: its wire name, description and type, as sent to the service.</summary>
public sealed class EnrichmentField
{
    /// <summary>Describes a field.</summary>
    /// <param name="name">The wire name (snake_case).</param>
    /// <param name="description">The description the service receives (for an option, with its values listed).</param>
    /// <param name="type">The wire type, one of <see cref="EnrichmentTypes"/>.</param>
    /// <param name="options">For an option, its wire values; otherwise empty.</param>
    public EnrichmentField(string name, string description, string type, IReadOnlyList<string>? options = null)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Description = description ?? throw new ArgumentNullException(nameof(description));
        Type = type ?? throw new ArgumentNullException(nameof(type));
        Options = options ?? Array.Empty<string>();
    }

    /// <summary>The wire name (snake_case).</summary>
    public string Name { get; }

    /// <summary>The description the service receives.</summary>
    public string Description { get; }

    /// <summary>The wire type, one of <see cref="EnrichmentTypes"/> (or what the service suggested).</summary>
    public string Type { get; }

    /// <summary>For an option, its wire values; otherwise empty.</summary>
    public IReadOnlyList<string> Options { get; }

    /// <inheritdoc/>
    public override string ToString() => Name + " (" + Type + ")";
}
