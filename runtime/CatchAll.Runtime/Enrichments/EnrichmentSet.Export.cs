using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace CatchAll;

/// <summary>Export: records written as CSV or JSON Lines as they arrive.</summary>
public abstract partial class EnrichmentSet<T>
{
    /// <summary>
    /// Writes records as CSV (RFC 4180: a header row, CRLF line ends, quotes where needed): record_id, record_title,
    /// enrichment_confidence, then <see cref="CsvHeaders"/>. Numbers and dates are invariant and ISO. A text cell a
    /// spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a leading apostrophe; use
    /// <see cref="WriteJsonLinesAsync{TRecord}"/> for the raw text. Records are written as they arrive, so a pager's
    /// pages are never all held at once.
    /// </summary>
    /// <typeparam name="TRecord">The generated record type.</typeparam>
    /// <param name="records">The records, e.g. from GetJobResultsAllAsync&lt;T&gt;.</param>
    /// <param name="writer">Where the CSV goes; left open.</param>
    /// <param name="cancellationToken">Stops the export.</param>
    /// <returns>How many records were written.</returns>
    public async Task<int> WriteCsvAsync<TRecord>(IAsyncEnumerable<EnrichedRecord<TRecord, T>> records, TextWriter writer, CancellationToken cancellationToken = default)
    {
        if (records is null)
        {
            throw new ArgumentNullException(nameof(records));
        }

        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        var cells = new List<string?>(3 + CsvHeaders.Count) { "record_id", "record_title", "enrichment_confidence" };
        foreach (var header in CsvHeaders)
        {
            cells.Add(header);
        }

        await writer.WriteAsync(Csv.Line(cells)).ConfigureAwait(false);
        var count = 0;
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            cells.Clear();
            cells.Add(record.RecordId);
            cells.Add(record.RecordTitle);
            cells.Add(record.EnrichmentConfidence);
            AppendCells(record.Enrichment, cells);
            await writer.WriteAsync(Csv.Line(cells)).ConfigureAwait(false);
            count++;
        }

        await writer.FlushAsync().ConfigureAwait(false);
        return count;
    }

    /// <summary>
    /// Writes records as JSON Lines (UTF-8, one object per line): <c>record_id</c>, <c>record_title</c>,
    /// <c>enrichment_confidence</c> and the typed <c>enrichment</c> object, which <see cref="ReadObject"/> reads back.
    /// Written as the records arrive.
    /// </summary>
    /// <typeparam name="TRecord">The generated record type.</typeparam>
    /// <param name="records">The records.</param>
    /// <param name="stream">Where the lines go; left open.</param>
    /// <param name="cancellationToken">Stops the export.</param>
    /// <returns>How many records were written.</returns>
    public async Task<int> WriteJsonLinesAsync<TRecord>(IAsyncEnumerable<EnrichedRecord<TRecord, T>> records, Stream stream, CancellationToken cancellationToken = default)
    {
        if (records is null)
        {
            throw new ArgumentNullException(nameof(records));
        }

        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        const int FlushAt = 64 * 1024;
        var buffer = new MemoryStream();
        var options = new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var writer = new Utf8JsonWriter(buffer, options);
        var count = 0;
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            writer.Reset(buffer);
            writer.WriteStartObject();
            writer.WriteString("record_id", record.RecordId);
            writer.WriteString("record_title", record.RecordTitle);
            if (record.EnrichmentConfidence is null)
            {
                writer.WriteNull("enrichment_confidence");
            }
            else
            {
                writer.WriteString("enrichment_confidence", record.EnrichmentConfidence);
            }

            writer.WritePropertyName("enrichment");
            Write(writer, record.Enrichment);
            writer.WriteEndObject();
            writer.Flush();
            buffer.WriteByte((byte)'\n');
            count++;
            if (buffer.Length >= FlushAt)
            {
                await CopyOutAsync(buffer, stream, cancellationToken).ConfigureAwait(false);
            }
        }

        await CopyOutAsync(buffer, stream, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    /// <summary>Adds the CSV cells of <paramref name="value"/>, one per <see cref="CsvHeaders"/> entry, formatted invariantly.</summary>
    /// <param name="value">The value.</param>
    /// <param name="cells">The row being built.</param>
    protected abstract void AppendCells(T value, IList<string?> cells);

    private static async Task CopyOutAsync(MemoryStream buffer, Stream stream, CancellationToken cancellationToken)
    {
        if (buffer.Length == 0)
        {
            return;
        }

        await stream.WriteAsync(buffer.GetBuffer(), 0, (int)buffer.Length, cancellationToken).ConfigureAwait(false);
        buffer.SetLength(0);
    }

    private IReadOnlyList<string> BuildCsvHeaders()
    {
        var headers = new List<string>(Fields.Count);
        foreach (var field in Fields)
        {
            headers.Add(field.Name);
            if (field.Type == EnrichmentTypes.Company)
            {
                headers.Add(field.Name + "_confidence");
            }
        }

        return headers;
    }
}
