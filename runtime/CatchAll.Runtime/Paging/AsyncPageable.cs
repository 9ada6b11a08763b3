using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.Runtime;

namespace CatchAll;

/// <summary>
/// A lazily fetched, page-numbered result set: enumerate it for items, or use <see cref="AsPages"/> for whole pages.
/// </summary>
/// <remarks>
/// A page is fetched only when enumeration reaches it. Enumeration ends after a page whose number is at least
/// the reported total page count, or after a page with no items. Each enumeration starts over and fetches again.
/// A server that contradicts itself ends enumeration with <see cref="CatchAllPagingException"/>: a page whose
/// bytes are identical to the previous page's (the page number was ignored), or a page with items beyond the total
/// page count it reports.
/// </remarks>
/// <typeparam name="TPage">The page response type.</typeparam>
/// <typeparam name="TItem">The item type.</typeparam>
public sealed class AsyncPageable<TPage, TItem> : IAsyncEnumerable<TItem>
{
    private readonly Func<int, CancellationToken, Task<TPage>> _fetchPage;
    private readonly Func<TPage, IReadOnlyList<TItem>?> _items;
    private readonly Func<TPage, int?> _totalPages;
    private readonly int _firstPage;

    private const string DefaultOperationId = "paging";

    /// <summary>Describes how to fetch and read pages.</summary>
    /// <param name="fetchPage">Fetches a page by its 1-based number.</param>
    /// <param name="items">Reads a page's items; null counts as empty.</param>
    /// <param name="totalPages">Reads the total page count, or null when the page does not say.</param>
    /// <param name="firstPage">The page to start from (1-based).</param>
    /// <exception cref="ArgumentNullException">A delegate is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="firstPage"/> is less than 1.</exception>
    public AsyncPageable(
        Func<int, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, IReadOnlyList<TItem>?> items,
        Func<TPage, int?> totalPages,
        int firstPage = 1)
    {
        _fetchPage = fetchPage ?? throw new ArgumentNullException(nameof(fetchPage));
        _items = items ?? throw new ArgumentNullException(nameof(items));
        _totalPages = totalPages ?? throw new ArgumentNullException(nameof(totalPages));
        _firstPage = firstPage >= 1 ? firstPage : throw new ArgumentOutOfRangeException(nameof(firstPage), firstPage, "Page numbers start at 1.");
    }

    /// <summary>Enumerates whole pages, fetching each only when asked for.</summary>
    /// <param name="cancellationToken">Cancels the enumeration and any fetch in flight.</param>
    /// <returns>The pages, in order.</returns>
    public async IAsyncEnumerable<TPage> AsPages([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in Walk(_firstPage, cancellationToken).ConfigureAwait(false))
        {
            yield return page.Page;
        }
    }

    /// <summary>A page with its 1-based number and its items as read.</summary>
    internal readonly struct NumberedPage
    {
        public NumberedPage(int number, TPage page, IReadOnlyList<TItem>? items)
        {
            Number = number;
            Page = page;
            Items = items;
        }

        public int Number { get; }

        public TPage Page { get; }

        public IReadOnlyList<TItem>? Items { get; }
    }

    /// <summary>The pages from <paramref name="firstPage"/> on, numbered, with the guards of <see cref="AsPages"/>.</summary>
    internal async IAsyncEnumerable<NumberedPage> Walk(int firstPage, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        PageFingerprint? previousFingerprint = null;
        object? previousPage = null;
        object? previousItems = null;
        for (var number = firstPage; ; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fingerprint = new PageFingerprint();
            TPage page;
            using (PageFingerprint.Begin(fingerprint))
            {
                page = await _fetchPage(number, cancellationToken).ConfigureAwait(false);
            }

            var items = _items(page);
            var operationId = fingerprint.OperationId ?? DefaultOperationId;
            var hasItems = items is not null && items.Count > 0;
            if (hasItems && number > firstPage
                && (fingerprint.SameAs(previousFingerprint) || (!fingerprint.Seen && (ReferenceEquals(page, previousPage) || ReferenceEquals(items, previousItems)))))
            {
                throw new CatchAllPagingException(
                    operationId,
                    string.Format(CultureInfo.InvariantCulture, "{0}: page {1} is identical to page {2}; the server seems to ignore the page number, so paging stopped instead of repeating it forever.", operationId, number, number - 1),
                    number);
            }

            var total = _totalPages(page);
            if (hasItems && total is int promised && number > promised)
            {
                throw new CatchAllPagingException(
                    operationId,
                    string.Format(CultureInfo.InvariantCulture, "{0}: page {1} has items but says there are only {2} pages in total; paging stopped rather than trust either.", operationId, number, promised),
                    number);
            }

            yield return new NumberedPage(number, page, items);

            if (!hasItems)
            {
                yield break;
            }

            if (total is int last && number >= last)
            {
                yield break;
            }

            if (number == int.MaxValue)
            {
                yield break;
            }

            previousFingerprint = fingerprint;
            previousPage = page;
            previousItems = items;
        }
    }

    /// <summary>Enumerates items across pages.</summary>
    /// <param name="cancellationToken">Cancels the enumeration and any fetch in flight.</param>
    /// <returns>An enumerator over every item.</returns>
    public async IAsyncEnumerator<TItem> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in AsPages(cancellationToken).ConfigureAwait(false))
        {
            var items = _items(page);
            if (items is null)
            {
                continue;
            }

            foreach (var item in items)
            {
                yield return item;
            }
        }
    }
}
