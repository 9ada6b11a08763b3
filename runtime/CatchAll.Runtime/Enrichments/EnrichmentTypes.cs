namespace CatchAll;

/// <summary>
/// The enrichment types the service knows, as the strings <see cref="EnrichmentAttribute.Type"/> and
/// <see cref="EnrichmentField.Type"/> take (and <c>EnrichmentType</c> sends): <c>Type = EnrichmentTypes.Url</c>
/// instead of a string a typo would turn into an error only at build time.
/// </summary>
public static class EnrichmentTypes
{
    /// <summary>Free text.</summary>
    public const string Text = "text";

    /// <summary>A number.</summary>
    public const string Number = "number";

    /// <summary>A date.</summary>
    public const string Date = "date";

    /// <summary>One of the values the description lists.</summary>
    public const string Option = "option";

    /// <summary>A URL.</summary>
    public const string Url = "url";

    /// <summary>A company, resolved to a name, domain and confidence.</summary>
    public const string Company = "company";
}
