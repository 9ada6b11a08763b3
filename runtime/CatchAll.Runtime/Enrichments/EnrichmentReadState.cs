using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

namespace CatchAll;

/// <summary>
/// What a generated one-pass reader collects besides the typed fields while it walks an enrichment object:
/// the values it could not read (kept raw), the members it does not declare, and <c>enrichment_confidence</c>.
/// Nothing is allocated for a clean object.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct EnrichmentReadState
{
    internal List<EnrichmentProblem>? Problems;
    internal Dictionary<string, JsonElement>? Unknown;
    internal string? Confidence;
    internal bool HasConfidence;

    /// <summary>Keeps the value the reader is on (its first token) as a problem, and moves past it.</summary>
    /// <param name="name">The field's wire name.</param>
    /// <param name="type">The field's enrichment type.</param>
    /// <param name="reader">The reader, on the value's first token; left on its last.</param>
    public void Problem(string name, string type, ref Utf8JsonReader reader) =>
        (Problems ??= new List<EnrichmentProblem>()).Add(new EnrichmentProblem(name, type, JsonElement.ParseValue(ref reader)));

    /// <summary>
    /// A field whose property cannot hold null had no value (missing, JSON null or blank): kept as a problem with no
    /// value, unless the value it had is one already.
    /// </summary>
    /// <param name="name">The field's wire name.</param>
    /// <param name="type">The field's enrichment type.</param>
    public void Missing(string name, string type)
    {
        if (Problems is not null)
        {
            foreach (var problem in Problems)
            {
                if (problem.Name == name)
                {
                    return;
                }
            }
        }

        (Problems ??= new List<EnrichmentProblem>()).Add(new EnrichmentProblem(name, type, default));
    }

    /// <summary>
    /// A member the type does not declare, the reader on its name: <c>enrichment_confidence</c> is kept as text
    /// (a value of another kind is skipped, as nothing else reads it), anything else as an unknown field.
    /// </summary>
    /// <param name="reader">The reader, on the member's name; left on the value's last token.</param>
    public void Other(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("enrichment_confidence"u8))
        {
            reader.Read();
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.Null)
            {
                // The three values the service sends, without a string per record.
                Confidence = reader.TokenType == JsonTokenType.Null ? null
                    : reader.ValueTextEquals("high"u8) ? "high" : reader.ValueTextEquals("medium"u8) ? "medium" : reader.ValueTextEquals("low"u8) ? "low"
                    : reader.GetString();
                HasConfidence = true;
            }
            else
            {
                reader.Skip();
            }

            return;
        }

        var name = reader.GetString()!;
        reader.Read();
        (Unknown ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[name] = JsonElement.ParseValue(ref reader);
    }
}
