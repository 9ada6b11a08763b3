using System.Text.Json;

namespace CatchAll;

/// <summary>
/// A field of a record's <c>enrichment</c> object that could not be read as its declared type. The typed
/// property is null; the value is kept here as it came, so nothing the service sent is lost.
/// </summary>
public sealed class EnrichmentProblem
{
    /// <summary>Records a problem.</summary>
    /// <param name="name">The field's wire name.</param>
    /// <param name="expectedType">The enrichment type the field was declared with.</param>
    /// <param name="value">The value as the service sent it.</param>
    public EnrichmentProblem(string name, string expectedType, JsonElement value)
    {
        Name = name;
        ExpectedType = expectedType;
        Value = value;
    }

    /// <summary>The field's wire name.</summary>
    public string Name { get; }

    /// <summary>The enrichment type the field was declared with (text, number, date, option, url, company).</summary>
    public string ExpectedType { get; }

    /// <summary>The value as the service sent it; <c>default</c> (<see cref="JsonValueKind.Undefined"/>) when a property that cannot hold null had none.</summary>
    public JsonElement Value { get; }

    /// <summary>A sentence for logs.</summary>
    public string Message => Value.ValueKind == JsonValueKind.Undefined
        ? "'" + Name + "' has no value (missing, null or blank), and its property cannot hold null: it reads as the type's default"
        : "'" + Name + "' is not a valid " + ExpectedType + ": " + Describe(Value);

    /// <inheritdoc/>
    public override string ToString() => Message;

    private static string Describe(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.Length <= 80 ? raw : raw.Substring(0, 77) + "...";
    }
}
