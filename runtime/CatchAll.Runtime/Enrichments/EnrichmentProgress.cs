using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.Runtime;

namespace CatchAll;

/// <summary>Turns a receiver of typed record batches into one of generated records, for the typed partial-results wait.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class EnrichmentProgress
{
    /// <summary>Like <see cref="Adapt{TRecord, T}(IProgress{IReadOnlyList{EnrichedRecord{TRecord, T}}}, Func{TRecord, EnrichedRecord{TRecord, T}}, TimeProvider, CancellationToken)"/> on the system clock.</summary>
    /// <typeparam name="TRecord">The generated record type.</typeparam>
    /// <typeparam name="T">The enrichment type.</typeparam>
    /// <param name="target">The caller's receiver.</param>
    /// <param name="enrich">Reads one record.</param>
    /// <param name="cancellationToken">Unused; kept for code generated before the clock was passed.</param>
    public static IProgress<IReadOnlyList<TRecord>> Adapt<TRecord, T>(IProgress<IReadOnlyList<EnrichedRecord<TRecord, T>>> target, Func<TRecord, EnrichedRecord<TRecord, T>> enrich, CancellationToken cancellationToken)
        where T : class =>
        Adapt(target, enrich, TimeProvider.System, cancellationToken);

    /// <summary>
    /// A receiver of record batches that reads each record with <paramref name="enrich"/> and reports the batch to
    /// <paramref name="target"/>, keeping <see cref="ProgressReporting"/>'s promise: in order, and handled before the
    /// wait goes on. The wait awaits the report itself (no thread is blocked on it, and what goes wrong fails the
    /// wait instead of the process); the limit on a <see cref="Progress{T}"/> handler runs on <paramref name="timeProvider"/>.
    /// </summary>
    /// <typeparam name="TRecord">The generated record type.</typeparam>
    /// <typeparam name="T">The enrichment type.</typeparam>
    /// <param name="target">The caller's receiver.</param>
    /// <param name="enrich">Reads one record.</param>
    /// <param name="timeProvider">The client's clock, for the wait on a <see cref="Progress{T}"/> handler.</param>
    /// <param name="cancellationToken">Unused: each report is given the wait's own token.</param>
    public static IProgress<IReadOnlyList<TRecord>> Adapt<TRecord, T>(IProgress<IReadOnlyList<EnrichedRecord<TRecord, T>>> target, Func<TRecord, EnrichedRecord<TRecord, T>> enrich, TimeProvider timeProvider, CancellationToken cancellationToken)
        where T : class
    {
        if (target is null)
        {
            throw new ArgumentNullException(nameof(target));
        }

        if (enrich is null)
        {
            throw new ArgumentNullException(nameof(enrich));
        }

        if (timeProvider is null)
        {
            throw new ArgumentNullException(nameof(timeProvider));
        }

        return new Adapter<TRecord, T>(target, enrich, timeProvider);
    }

    private static IReadOnlyList<EnrichedRecord<TRecord, T>> Map<TRecord, T>(IReadOnlyList<TRecord> batch, Func<TRecord, EnrichedRecord<TRecord, T>> enrich)
        where T : class
    {
        var records = new List<EnrichedRecord<TRecord, T>>(batch.Count);
        foreach (var record in batch)
        {
            records.Add(enrich(record));
        }

        return records;
    }

    private sealed class Adapter<TRecord, T> : IProgress<IReadOnlyList<TRecord>>, IAwaitableProgress<IReadOnlyList<TRecord>>
        where T : class
    {
        private readonly IProgress<IReadOnlyList<EnrichedRecord<TRecord, T>>> _target;
        private readonly Func<TRecord, EnrichedRecord<TRecord, T>> _enrich;
        private readonly TimeProvider _timeProvider;

        public Adapter(IProgress<IReadOnlyList<EnrichedRecord<TRecord, T>>> target, Func<TRecord, EnrichedRecord<TRecord, T>> enrich, TimeProvider timeProvider)
        {
            _target = target;
            _enrich = enrich;
            _timeProvider = timeProvider;
        }

        // Someone reporting without awaiting gets the target's own behaviour.
        public void Report(IReadOnlyList<TRecord> value) => _target.Report(Map(value, _enrich));

        public Task ReportAsync(IReadOnlyList<TRecord> value, CancellationToken cancellationToken) =>
            ProgressReporting.ReportAsync(_target, Map(value, _enrich), _timeProvider, cancellationToken);
    }
}
