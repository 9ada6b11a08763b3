using System;
using System.ComponentModel;

namespace CatchAll.Runtime;

/// <summary>For generated pagers: the page count a page reports, in the form <see cref="AsyncPageable{TPage, TItem}"/> takes.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PageCount
{
    /// <summary>A reported page count; <see langword="null"/> when absent.</summary>
    /// <param name="totalPages">The page's <c>total_pages</c>.</param>
    /// <returns>The count, at most <see cref="int.MaxValue"/>.</returns>
    public static int? FromTotalPages(long? totalPages) =>
        totalPages is long pages ? (int)Math.Min(Math.Max(pages, 0), int.MaxValue) : null;

    /// <summary>
    /// The page count implied by an item count and the page size the server applied; <see langword="null"/>
    /// when either is absent or the page size is not positive, so that paging goes on until an empty page.
    /// </summary>
    /// <param name="totalItems">The page's <c>total</c>.</param>
    /// <param name="pageSize">The page's <c>page_size</c>.</param>
    /// <returns>The count, at most <see cref="int.MaxValue"/>.</returns>
    public static int? FromTotalItems(long? totalItems, long? pageSize)
    {
        if (totalItems is not long total || pageSize is not long size || size <= 0)
        {
            return null;
        }

        var pages = total <= 0 ? 0 : (total / size) + (total % size == 0 ? 0 : 1);
        return (int)Math.Min(pages, int.MaxValue);
    }
}
