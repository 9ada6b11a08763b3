using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.Runtime.Tests.Infrastructure;
using CatchAll.TestSupport;
using Xunit;

namespace CatchAll.Runtime.Tests.Faults;

/// <summary>Issue 10, item 7: a pager must not trust a server that ignores the page number.</summary>
public class PagingGuardTests
{
    private const int Bound = 50;

    [Fact]
    public async Task A_server_that_ignores_the_page_number_ends_paging_with_a_typed_error_on_the_second_page()
    {
        await using var server = FaultServer.Start(Fault.Json("{\"id\":\"same\",\"tags\":[\"a\",\"b\"]}"));
        using var pipeline = PipelineFactory.Create(server.BaseAddress);
        var pager = Pager(pipeline, _ => null);

        var pages = 0;
        var exception = await Assert.ThrowsAsync<CatchAllPagingException>(async () =>
        {
            await foreach (var page in pager.AsPages())
            {
                Assert.True(++pages < Bound, "Paging did not stop.");
            }
        });

        Assert.Equal(1, pages);
        Assert.Equal(2, exception.PageNumber);
        Assert.Equal("listJobs", exception.OperationId);
        Assert.Equal(2, server.RequestCount);
        Assert.Contains("identical", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_that_differ_are_paged_until_an_empty_one()
    {
        await using var server = FaultServer.Start((request, _) =>
        {
            var page = int.Parse(request.Target.Split("page=")[1], System.Globalization.CultureInfo.InvariantCulture);
            return Fault.Json(page <= 3 ? "{\"id\":\"p" + page + "\",\"tags\":[\"t" + page + "\"]}" : "{\"id\":\"end\",\"tags\":[]}");
        });
        using var pipeline = PipelineFactory.Create(server.BaseAddress);

        var items = new List<string>();
        await foreach (var item in Pager(pipeline, _ => null))
        {
            items.Add(item);
            Assert.True(items.Count < Bound);
        }

        Assert.Equal(new[] { "t1", "t2", "t3" }, items);
    }

    [Fact]
    public async Task Items_on_a_page_beyond_the_total_that_page_reports_end_with_a_typed_error()
    {
        await using var server = FaultServer.Start(Fault.Json("{\"id\":\"x\",\"count\":2,\"tags\":[\"a\"]}"));
        using var pipeline = PipelineFactory.Create(server.BaseAddress);

        var exception = await Assert.ThrowsAsync<CatchAllPagingException>(async () =>
        {
            await foreach (var item in Pager(pipeline, page => page.Count, firstPage: 5))
            {
            }
        });

        Assert.Equal(5, exception.PageNumber);
        Assert.Contains("total", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fetch_that_does_not_go_through_the_pipeline_is_still_guarded_by_reference()
    {
        var same = new JobDto { Id = "x", Tags = new List<string> { "a" } };
        var pager = new AsyncPageable<JobDto, string>((_, _) => Task.FromResult(same), p => p.Tags, _ => null);

        var exception = await Assert.ThrowsAsync<CatchAllPagingException>(async () =>
        {
            var count = 0;
            await foreach (var item in pager)
            {
                Assert.True(++count < Bound);
            }
        });

        Assert.Equal(2, exception.PageNumber);
    }

    private static AsyncPageable<JobDto, string> Pager(CatchAllPipeline pipeline, Func<JobDto, int?> total, int firstPage = 1) =>
        new(
            async (number, token) =>
            {
                var request = new ApiRequest(HttpMethod.Get, "listJobs");
                request.AppendPath("/jobs");
                request.AddQuery("page", number.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return (await pipeline.SendAsync(request, TestJson.Default.JobDto, null, token)).Value;
            },
            page => page.Tags,
            total,
            firstPage);
}
