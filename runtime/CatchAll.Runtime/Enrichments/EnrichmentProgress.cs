using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using CatchAll.Runtime;

namespace CatchAll
{
    /// <summary>Turns a receiver of typed record batches into one of generated records, for the typed partial-results wait.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class EnrichmentProgress
    {
        /// <summary>
        /// A receiver of record batches that reads each record with <paramref name="enrich"/> and reports the batch to
        /// <paramref name="target"/>, keeping <see cref="ProgressReporting"/>'s promise: in order, and handled before the
        /// wait goes on.
        /// </summary>
        /// <typeparam name="TRecord">The generated record type.</typeparam>
        /// <typeparam name="T">The enrichment type.</typeparam>
        /// <param name="target">The caller's receiver.</param>
        /// <param name="enrich">Reads one record.</param>
        /// <param name="cancellationToken">Abandons a handler that never runs.</param>
        public static IProgress<IReadOnlyList<TRecord>> Adapt<TRecord, T>(IProgress<IReadOnlyList<EnrichedRecord<TRecord, T>>> target, Func<TRecord, EnrichedRecord<TRecord, T>> enrich, CancellationToken cancellationToken)
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

            if (target.GetType() != typeof(Progress<IReadOnlyList<EnrichedRecord<TRecord, T>>>))
            {
                // Reported synchronously, so in step already.
                return new Forwarding<TRecord, T>(target, enrich);
            }

            // A Progress<T> posts to the context it was made on. The wait awaits a Progress<T> of its own (exactly that
            // type) until its handler has run; this one is made without a context, so its handler runs on the pool,
            // where it may block until the caller's handler has run on the caller's context.
            var saved = SynchronizationContext.Current;
            SynchronizationContext.SetSynchronizationContext(null);
            try
            {
                return new Progress<IReadOnlyList<TRecord>>(batch =>
                {
                    try
                    {
                        ProgressReporting.ReportAsync(target, Map(batch, enrich), cancellationToken).GetAwaiter().GetResult();
                    }
                    catch (OperationCanceledException)
                    {
                        // The wait sees the cancellation itself; thrown here it would end the process.
                    }
                });
            }
            finally
            {
                SynchronizationContext.SetSynchronizationContext(saved);
            }
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

        private sealed class Forwarding<TRecord, T> : IProgress<IReadOnlyList<TRecord>>
            where T : class
        {
            private readonly IProgress<IReadOnlyList<EnrichedRecord<TRecord, T>>> _target;
            private readonly Func<TRecord, EnrichedRecord<TRecord, T>> _enrich;

            public Forwarding(IProgress<IReadOnlyList<EnrichedRecord<TRecord, T>>> target, Func<TRecord, EnrichedRecord<TRecord, T>> enrich)
            {
                _target = target;
                _enrich = enrich;
            }

            public void Report(IReadOnlyList<TRecord> value) => _target.Report(Map(value, _enrich));
        }
    }
}
