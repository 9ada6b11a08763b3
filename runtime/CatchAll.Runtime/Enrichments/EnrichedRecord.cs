using System;
using System.Collections.Generic;
using System.Text.Json;

namespace CatchAll;

/// <summary>
/// A record with its <c>enrichment</c> object read as <typeparamref name="T"/>: the generated record (title,
/// citations, dates) in <see cref="Record"/>, the typed fields in <see cref="Enrichment"/>, and what did not
/// fit the type in <see cref="Problems"/> and <see cref="UnknownFields"/>.
/// </summary>
/// <typeparam name="TRecord">The generated record type (a job's or a monitor's).</typeparam>
/// <typeparam name="T">The <see cref="CatchAllEnrichmentsAttribute"/> type.</typeparam>
public sealed class EnrichedRecord<TRecord, T>
    where T : class
{
    /// <summary>Pairs a record with its typed enrichment.</summary>
    /// <param name="record">The record as the service sent it.</param>
    /// <param name="recordId">The record's identifier.</param>
    /// <param name="recordTitle">The record's headline.</param>
    /// <param name="enrichmentConfidence">The record's <c>enrichment_confidence</c> (low, medium, high), or null.</param>
    /// <param name="enrichment">The typed fields.</param>
    /// <param name="problems">Fields whose value could not be read as their type.</param>
    /// <param name="unknownFields">Fields of the enrichment object that <typeparamref name="T"/> does not declare.</param>
    public EnrichedRecord(TRecord record, string recordId, string recordTitle, string? enrichmentConfidence, T enrichment, IReadOnlyList<EnrichmentProblem> problems, IReadOnlyDictionary<string, JsonElement> unknownFields)
    {
        Record = record;
        RecordId = recordId ?? string.Empty;
        RecordTitle = recordTitle ?? string.Empty;
        EnrichmentConfidence = enrichmentConfidence;
        Enrichment = enrichment ?? throw new ArgumentNullException(nameof(enrichment));
        Problems = problems ?? throw new ArgumentNullException(nameof(problems));
        UnknownFields = unknownFields ?? throw new ArgumentNullException(nameof(unknownFields));
    }

    /// <summary>The record as the service sent it, with its title, citations and dates.</summary>
    public TRecord Record { get; }

    /// <summary>The record's identifier.</summary>
    public string RecordId { get; }

    /// <summary>The record's headline.</summary>
    public string RecordTitle { get; }

    /// <summary>How confident the extraction is overall (<c>low</c>, <c>medium</c>, <c>high</c>), or null.</summary>
    public string? EnrichmentConfidence { get; }

    /// <summary>The typed fields; never null. A field that was missing, null or unreadable is null here.</summary>
    public T Enrichment { get; }

    /// <summary>Fields that were sent but could not be read as their type, with the raw value.</summary>
    public IReadOnlyList<EnrichmentProblem> Problems { get; }

    /// <summary>Fields of the enrichment object that <typeparamref name="T"/> does not declare.</summary>
    public IReadOnlyDictionary<string, JsonElement> UnknownFields { get; }

    /// <summary>Whether any field could not be read.</summary>
    public bool HasProblems => Problems.Count > 0;
}

/// <summary>A response holding records (a monitor's pull), with the records read as <typeparamref name="T"/>.</summary>
/// <typeparam name="TPage">The generated response type.</typeparam>
/// <typeparam name="TRecord">The generated record type.</typeparam>
/// <typeparam name="T">The <see cref="CatchAllEnrichmentsAttribute"/> type.</typeparam>
public sealed class EnrichedPage<TPage, TRecord, T>
    where T : class
{
    /// <summary>Pairs a response with its typed records.</summary>
    /// <param name="page">The response as the service sent it.</param>
    /// <param name="records">Its records, typed.</param>
    public EnrichedPage(TPage page, IReadOnlyList<EnrichedRecord<TRecord, T>> records)
    {
        Page = page;
        Records = records ?? throw new ArgumentNullException(nameof(records));
    }

    /// <summary>The response as the service sent it.</summary>
    public TPage Page { get; }

    /// <summary>Its records, typed, in the order the service sent them.</summary>
    public IReadOnlyList<EnrichedRecord<TRecord, T>> Records { get; }
}
