using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.Runtime;
using Xunit;

namespace CatchAll.Runtime.Tests;

public class AsyncPageableTests
{
    [Fact]
    public async Task Fetches_lazily_stopping_when_enumeration_stops()
    {
        var source = new PageSource(totalPages: 5, itemsPerPage: 2);
        var pageable = source.Pageable();

        await foreach (var item in pageable)
        {
            Assert.Equal("p1-0", item);
            break;
        }

        Assert.Equal(new[] { 1 }, source.Fetched);

        source.Fetched.Clear();
        var seen = new List<string>();
        await foreach (var item in pageable)
        {
            seen.Add(item);
            if (item == "p2-0")
            {
                break;
            }
        }

        // Re-enumeration starts over; page 3 is never fetched because enumeration stopped on page 2.
        Assert.Equal(new[] { 1, 2 }, source.Fetched);
        Assert.Equal(new[] { "p1-0", "p1-1", "p2-0" }, seen);
    }

    [Fact]
    public async Task Stops_after_the_last_page_reported_by_total_pages()
    {
        var source = new PageSource(totalPages: 3, itemsPerPage: 2, serveBeyondTotal: true);

        var items = await ToListAsync(source.Pageable());

        Assert.Equal(6, items.Count);
        Assert.Equal(new[] { 1, 2, 3 }, source.Fetched);
    }

    [Fact]
    public async Task Stops_on_an_empty_page_when_the_total_is_unknown()
    {
        var source = new PageSource(totalPages: null, itemsPerPage: 2, nonEmptyPages: 2);

        var items = await ToListAsync(source.Pageable());

        Assert.Equal(new[] { "p1-0", "p1-1", "p2-0", "p2-1" }, items);
        Assert.Equal(new[] { 1, 2, 3 }, source.Fetched);
    }

    [Fact]
    public async Task As_pages_yields_whole_pages_in_order()
    {
        var source = new PageSource(totalPages: 3, itemsPerPage: 1);
        var pages = new List<Page>();

        await foreach (var page in source.Pageable().AsPages())
        {
            pages.Add(page);
        }

        Assert.Equal(new[] { 1, 2, 3 }, pages.Select(p => p.Number));
        Assert.Equal(new[] { "p3-0" }, pages[2].Items);
    }

    [Fact]
    public async Task Starts_at_the_requested_first_page_and_passes_the_token()
    {
        var source = new PageSource(totalPages: 3, itemsPerPage: 1);
        using var cancellation = new CancellationTokenSource();

        var pages = new List<int>();
        await foreach (var page in source.Pageable(firstPage: 2).AsPages(cancellation.Token))
        {
            pages.Add(page.Number);
        }

        Assert.Equal(new[] { 2, 3 }, pages);
        Assert.All(source.Tokens, t => Assert.Equal(cancellation.Token, t));
    }

    [Fact]
    public async Task Cancellation_stops_before_the_next_fetch()
    {
        var source = new PageSource(totalPages: 5, itemsPerPage: 1);
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var page in source.Pageable().AsPages(cancellation.Token))
            {
                cancellation.Cancel();
            }
        });

        Assert.Equal(new[] { 1 }, source.Fetched);
    }

    [Fact]
    public void First_page_must_be_one_based()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PageSource(1, 1).Pageable(firstPage: 0));
    }

    private static async Task<List<string>> ToListAsync(IAsyncEnumerable<string> source)
    {
        var list = new List<string>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }

    private sealed record Page(int Number, IReadOnlyList<string> Items, int? TotalPages);

    [Theory]
    [InlineData(0L, 100L, 0)]
    [InlineData(1L, 100L, 1)]
    [InlineData(100L, 100L, 1)]
    [InlineData(101L, 100L, 2)]
    [InlineData(5L, 2L, 3)]
    [InlineData(-3L, 2L, 0)]
    [InlineData(long.MaxValue, 1L, int.MaxValue)]
    public void The_page_count_of_an_item_total_rounds_up(long total, long pageSize, int expected) =>
        Assert.Equal(expected, PageCount.FromTotalItems(total, pageSize));

    [Theory]
    [InlineData(null, 100L)]
    [InlineData(10L, null)]
    [InlineData(10L, 0L)]
    [InlineData(10L, -1L)]
    public void Without_a_usable_total_or_page_size_the_count_is_unknown(long? total, long? pageSize) =>
        Assert.Null(PageCount.FromTotalItems(total, pageSize));

    [Fact]
    public void A_reported_page_count_is_clamped_to_int() =>
        Assert.Equal((int?[])[null, 0, 7, int.MaxValue], new long?[] { null, -1, 7, long.MaxValue }.Select(PageCount.FromTotalPages).ToArray());

    private sealed class PageSource
    {
        private readonly int? _totalPages;
        private readonly int _itemsPerPage;
        private readonly bool _serveBeyondTotal;
        private readonly int _nonEmptyPages;

        public PageSource(int? totalPages, int itemsPerPage, bool serveBeyondTotal = false, int nonEmptyPages = int.MaxValue)
        {
            _totalPages = totalPages;
            _itemsPerPage = itemsPerPage;
            _serveBeyondTotal = serveBeyondTotal;
            _nonEmptyPages = nonEmptyPages;
        }

        public List<int> Fetched { get; } = new();

        public List<CancellationToken> Tokens { get; } = new();

        public AsyncPageable<Page, string> Pageable(int firstPage = 1) =>
            new(FetchAsync, p => p.Items, p => p.TotalPages, firstPage);

        private Task<Page> FetchAsync(int number, CancellationToken cancellationToken)
        {
            Fetched.Add(number);
            Tokens.Add(cancellationToken);
            var hasItems = number <= _nonEmptyPages && (_serveBeyondTotal || _totalPages is null || number <= _totalPages);
            var items = hasItems ? Enumerable.Range(0, _itemsPerPage).Select(i => $"p{number}-{i}").ToArray() : Array.Empty<string>();
            return Task.FromResult(new Page(number, items, _totalPages));
        }
    }
}
