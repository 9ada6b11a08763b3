using System.Collections.Generic;
using System.Text.Json;
using Xunit;

namespace CatchAll.EndToEnd.Tests.Enrichments;

/// <summary>
/// The typed methods find a type's set wherever the type was declared: the set registers itself when its assembly
/// loads, so a type whose set this project did not generate (another project's, as here one made by hand) is served.
/// </summary>
public sealed class SetLookupTests
{
    [Fact]
    public void A_type_whose_set_was_not_generated_here_is_read_through_its_own_set()
    {
        var record = Records.Make("r1", """{ "note": "from elsewhere", "enrichment_confidence": "high" }""");

        var enriched = record.AsEnriched<Elsewhere>();

        Assert.Equal("from elsewhere", enriched.Enrichment.Note);
        Assert.Equal("high", enriched.EnrichmentConfidence);
        Assert.Same(Elsewhere.EnrichmentSet, EnrichmentSet<Elsewhere>.Registered);
    }

    /// <summary>What a [CatchAllEnrichments] type generated in another project looks like from here.</summary>
    public sealed class Elsewhere : ICatchAllEnrichments
    {
        public static EnrichmentSet<Elsewhere> EnrichmentSet { get; } = new Set();

        // What the generated part of such a type does: its set is made, and so registered, when its assembly loads.
        [System.Runtime.CompilerServices.ModuleInitializer]
        internal static void Register() => _ = EnrichmentSet;

        public string? Note { get; init; }

        private sealed class Set : EnrichmentSet<Elsewhere>
        {
            public Set()
                : base(new[] { new EnrichmentField("note", "A note", EnrichmentTypes.Text) })
            {
            }

            public override void Write(Utf8JsonWriter writer, Elsewhere value)
            {
                writer.WriteStartObject();
                writer.WriteString("note", value.Note);
                writer.WriteEndObject();
            }

            protected override Elsewhere ReadCore(ref Utf8JsonReader reader, ref EnrichmentReadState state)
            {
                string? note = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    if (reader.ValueTextEquals("note"u8))
                    {
                        reader.Read();
                        if (!EnrichmentValue.TryText(ref reader, out note)) state.Problem("note", "text", ref reader);
                    }
                    else state.Other(ref reader);
                }

                return new Elsewhere { Note = note };
            }

            protected override void AppendCells(Elsewhere value, IList<string?> cells) => cells.Add(value.Note);
        }
    }
}
