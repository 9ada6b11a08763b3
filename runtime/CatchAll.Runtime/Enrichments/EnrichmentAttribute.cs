using System;

namespace CatchAll;

/// <summary>
/// Marks a property of a <see cref="CatchAllEnrichmentsAttribute"/> type as one enrichment: a field the
/// enriching stage extracts for every record. Its wire name is the property name in snake_case unless
/// <see cref="Name"/> says otherwise; its type follows from the property's C# type unless <see cref="Type"/> forces one.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class EnrichmentAttribute : Attribute
{
    /// <summary>Declares an enrichment.</summary>
    /// <param name="description">What the field should capture, in plain words: the service extracts by it.</param>
    public EnrichmentAttribute(string description)
    {
        Description = description;
    }

    /// <summary>What the field should capture, sent to the service as the enrichment's description.</summary>
    public string Description { get; }

    /// <summary>The wire name (snake_case) when the property name's snake_case form is not the one wanted.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// The enrichment type sent to the service, one of <see cref="EnrichmentTypes"/> (<c>Type = EnrichmentTypes.Url</c>),
    /// when the one inferred from the property type is not wanted; it must still be one the property type can hold
    /// (a string property holds any but company). Another string is reported at the property (CATCH0015).
    /// </summary>
    public string? Type { get; set; }
}
