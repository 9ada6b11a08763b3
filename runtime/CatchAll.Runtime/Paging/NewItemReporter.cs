using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;

namespace CatchAll.Runtime;

/// <summary>
/// For generated partial-results waits: reports the items of a growing paged result that were not reported
/// before, poll after poll, without walking the whole result again each time.
/// </summary>
/// <remarks>
/// Pages are numbered and hold a fixed number of items, and new items are appended: a page followed by another
/// page with items is complete and is not read again. Each call resumes at the last page that had items (it may
/// have grown since) and reads on from there, so a poll costs one or two requests however many pages there are,
/// instead of a walk over all of them. Items are told apart by their key; an item without one is reported each time
/// it is read. One instance serves one wait and is not thread-safe.
/// </remarks>
/// <typeparam name="TPage">The page response type.</typeparam>
/// <typeparam name="TItem">The item type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class NewItemReporter<TPage, TItem>
{
    private readonly Func<TItem, string?> _key;
    private readonly IProgress<IReadOnlyList<TItem>> _progress;
    private readonly HashSet<string> _reported = new HashSet<string>(StringComparer.Ordinal);
    private int _resumeAt = 1;

    /// <summary>Creates the reporter for one wait.</summary>
    /// <param name="key">An item's identity (its id as text); <see langword="null"/> when it has none.</param>
    /// <param name="progress">Receives each batch of new items, in order, each batch handled before the wait goes on.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public NewItemReporter(Func<TItem, string?> key, IProgress<IReadOnlyList<TItem>> progress)
    {
        _key = key ?? throw new ArgumentNullException(nameof(key));
        _progress = progress ?? throw new ArgumentNullException(nameof(progress));
    }

    /// <summary>
    /// Reads the pages of <paramref name="pageable"/> from where the previous call left off and reports, page by
    /// page, the items not reported before.
    /// </summary>
    /// <param name="pageable">The paged result, as the generated <c>…AllAsync</c> method returns it; its first page is ignored.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>A task that completes once every page read has been reported.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pageable"/> is null.</exception>
    /// <exception cref="CatchAllPagingException">The server's pages contradict themselves; the next call starts
    /// again from the last page that had items.</exception>
    public async Task ReportNewAsync(AsyncPageable<TPage, TItem> pageable, CancellationToken cancellationToken)
    {
        if (pageable is null)
        {
            throw new ArgumentNullException(nameof(pageable));
        }

        await foreach (var page in pageable.Walk(_resumeAt, cancellationToken).ConfigureAwait(false))
        {
            var items = page.Items;
            if (items is null || items.Count == 0)
            {
                continue;
            }

            List<TItem>? fresh = null;
            foreach (var item in items)
            {
                if (item is not null && (_key(item) is not string key || _reported.Add(key)))
                {
                    (fresh ??= new List<TItem>()).Add(item);
                }
            }

            _resumeAt = page.Number;
            if (fresh is not null)
            {
                await ProgressReporting.ReportAsync<IReadOnlyList<TItem>>(_progress, fresh, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
