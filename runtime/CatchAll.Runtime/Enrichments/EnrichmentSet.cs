using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace CatchAll;

/// <summary>
/// What the generator emits for a <see cref="CatchAllEnrichmentsAttribute"/> type, reachable as its static
/// <c>EnrichmentSet</c> property: the fields, a tolerant reader, a writer, and CSV and JSON Lines export.
/// Reflection-free: every member is generated code or works from it.
/// </summary>
/// <typeparam name="T">The enrichment type.</typeparam>
public abstract partial class EnrichmentSet<T>
    where T : class
{
    private static EnrichmentSet<T>? _registered;
    private readonly HashSet<string> _names;
    private IReadOnlyList<string>? _csvHeaders;

    /// <summary>Creates the set; called by generated code.</summary>
    /// <param name="fields">The fields, in declaration order.</param>
    protected EnrichmentSet(IReadOnlyList<EnrichmentField> fields)
    {
        Fields = fields ?? throw new ArgumentNullException(nameof(fields));
        _names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            _names.Add(field.Name);
        }

        Interlocked.CompareExchange(ref _registered, this, null);
    }

    /// <summary>
    /// The set of <typeparamref name="T"/>: the first one made, which for a generated type is its
    /// <c>EnrichmentSet</c>, made when the type's statics are first touched; null before that.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static EnrichmentSet<T>? Registered => Volatile.Read(ref _registered);

    /// <summary>The fields, in declaration order, as the service receives them.</summary>
    public IReadOnlyList<EnrichmentField> Fields { get; }

    /// <summary>
    /// The enrichment columns of a CSV export: one per field, and for a company its name and then its
    /// confidence (<c>name_confidence</c>).
    /// </summary>
    public IReadOnlyList<string> CsvHeaders => _csvHeaders ??= BuildCsvHeaders();

    /// <summary>Whether <paramref name="name"/> is the wire name of one of the fields.</summary>
    /// <param name="name">A wire name.</param>
    public bool IsField(string? name) => name is not null && _names.Contains(name);

    /// <summary>
    /// Reads an enrichment object. A missing or null field gives null; a field that cannot be read as its type
    /// gives null and is added to <paramref name="problems"/>; nothing throws for bad values.
    /// </summary>
    /// <param name="values">The enrichment object's fields (a record's <c>Enrichment.AdditionalProperties</c>); null reads as empty.</param>
    /// <param name="problems">Receives the fields that could not be read; null to ignore them.</param>
    public T Read(IDictionary<string, JsonElement>? values, ICollection<EnrichmentProblem>? problems = null)
    {
        var fields = values is EnrichmentFields<T> typed && ReferenceEquals(typed.Set, this) && !typed.Changed ? typed : ReadValues(values);
        if (problems is not null)
        {
            foreach (var problem in fields.Problems)
            {
                problems.Add(problem);
            }
        }

        return fields.Value;
    }

    /// <summary>Reads an enrichment object given as JSON; anything but an object reads as empty.</summary>
    /// <param name="enrichment">The enrichment object.</param>
    /// <param name="problems">Receives the fields that could not be read; null to ignore them.</param>
    public T ReadObject(JsonElement enrichment, ICollection<EnrichmentProblem>? problems = null)
    {
        var fields = enrichment.ValueKind == JsonValueKind.Object ? ReadWritten(enrichment.WriteTo) : ReadValues(null);
        if (problems is not null)
        {
            foreach (var problem in fields.Problems)
            {
                problems.Add(problem);
            }
        }

        return fields.Value;
    }

    /// <summary>
    /// Reads a record's enrichment object from <paramref name="reader"/> (on its start) in one pass; used by the
    /// generated typed methods. The result stands in for the record's <c>AdditionalProperties</c>.
    /// </summary>
    /// <param name="reader">The reader, on the object's first token; left on its last.</param>
    /// <param name="confidence">The object's <c>enrichment_confidence</c>, or null.</param>
    /// <param name="hasConfidence">Whether the object had an <c>enrichment_confidence</c> string or null.</param>
    /// <returns>The members, typed.</returns>
    /// <exception cref="JsonException">The value is not a JSON object, or the JSON is malformed.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public IDictionary<string, JsonElement> ReadRecordEnrichment(ref Utf8JsonReader reader, out string? confidence, out bool hasConfidence)
    {
        var state = default(EnrichmentReadState);
        var fields = ReadFields(ref reader, ref state);
        confidence = state.Confidence;
        hasConfidence = state.HasConfidence;
        return fields;
    }

    /// <summary>Writes <paramref name="value"/> as a JSON object with one member per field (null ones as JSON null).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public abstract void Write(Utf8JsonWriter writer, T value);

    /// <summary>The fields of <paramref name="value"/> as an enrichment object's members, e.g. for a record built in a test.</summary>
    /// <param name="value">The value.</param>
    public IDictionary<string, JsonElement> ToValues(T value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value);
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            values[property.Name] = property.Value.Clone();
        }

        return values;
    }

    /// <summary>Reads a record's enrichment object and pairs the result with the record; used by the generated typed methods.</summary>
    /// <typeparam name="TRecord">The generated record type.</typeparam>
    /// <param name="record">The record.</param>
    /// <param name="recordId">Its identifier.</param>
    /// <param name="recordTitle">Its headline.</param>
    /// <param name="enrichmentConfidence">Its <c>enrichment_confidence</c>.</param>
    /// <param name="values">Its enrichment object's other fields.</param>
    public EnrichedRecord<TRecord, T> Enrich<TRecord>(TRecord record, string recordId, string recordTitle, string? enrichmentConfidence, IDictionary<string, JsonElement>? values)
    {
        // Read in the page's own pass when the record came through a typed call; read now otherwise.
        var fields = values is EnrichmentFields<T> typed && ReferenceEquals(typed.Set, this) && !typed.Changed ? typed : ReadValues(values);
        return new EnrichedRecord<TRecord, T>(record, recordId, recordTitle, enrichmentConfidence, fields.Value, fields.Problems, fields.Unknown);
    }

    /// <summary>
    /// Reads an enrichment object in one pass: the reader is on its first token (an object; the caller checks) and
    /// is left on its last. A field that cannot be read goes to <see cref="EnrichmentReadState.Problem"/>, any other
    /// member to <see cref="EnrichmentReadState.Other"/>.
    /// </summary>
    /// <param name="reader">The reader.</param>
    /// <param name="state">Collects problems, unknown members and <c>enrichment_confidence</c>.</param>
    protected abstract T ReadCore(ref Utf8JsonReader reader, ref EnrichmentReadState state);

    private EnrichmentFields<T> ReadFields(ref Utf8JsonReader reader)
    {
        var state = default(EnrichmentReadState);
        return ReadFields(ref reader, ref state);
    }

    private EnrichmentFields<T> ReadFields(ref Utf8JsonReader reader, ref EnrichmentReadState state)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A JSON object is expected for an enrichment object.");
        }

        var value = ReadCore(ref reader, ref state);
        return new EnrichmentFields<T>(
            this,
            value,
            (IReadOnlyList<EnrichmentProblem>?)state.Problems ?? Array.Empty<EnrichmentProblem>(),
            (IReadOnlyDictionary<string, JsonElement>?)state.Unknown ?? EmptyFields.Instance);
    }

    /// <summary>Reads members given as elements (a dictionary, or an untyped record's) by writing them out and reading them in one pass.</summary>
    private EnrichmentFields<T> ReadValues(IDictionary<string, JsonElement>? values) => ReadWritten(writer =>
    {
        writer.WriteStartObject();
        if (values is not null)
        {
            foreach (var pair in values)
            {
                // default(JsonElement) is no value: read as missing.
                if (pair.Value.ValueKind != JsonValueKind.Undefined)
                {
                    writer.WritePropertyName(pair.Key);
                    pair.Value.WriteTo(writer);
                }
            }
        }

        writer.WriteEndObject();
    });

    private EnrichmentFields<T> ReadWritten(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        var reader = new Utf8JsonReader(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        reader.Read();
        return ReadFields(ref reader);
    }

    /// <summary>No unknown fields: one shared instance, read-only, so no caller can add to every record's at once.</summary>
    private static class EmptyFields
    {
        public static readonly IReadOnlyDictionary<string, JsonElement> Instance =
            new System.Collections.ObjectModel.ReadOnlyDictionary<string, JsonElement>(new Dictionary<string, JsonElement>());
    }
}
