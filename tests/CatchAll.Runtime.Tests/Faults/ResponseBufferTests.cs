using System;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.Runtime.Tests.Infrastructure;
using CatchAll.TestSupport;
using Xunit;

namespace CatchAll.Runtime.Tests.Faults;

/// <summary>Counts the whole process's allocations, so nothing else may run beside it.</summary>
[CollectionDefinition(nameof(ResponseBufferTests), DisableParallelization = true)]
public sealed class ResponseBufferCollection
{
}

/// <summary>A declared Content-Length within the limit is a hint for the first buffer, not a promise to allocate for.</summary>
[Collection(nameof(ResponseBufferTests))]
public class ResponseBufferTests
{
    [Fact]
    public async Task A_large_declared_length_with_a_short_body_does_not_allocate_the_declared_size()
    {
        const long declared = 200_000_000;
        await using var server = FaultServer.Start(new Fault { Body = Encoding.UTF8.GetBytes("{\"id\":\"x\"}"), DeclaredLength = declared });
        using var pipeline = PipelineFactory.Create(server.BaseAddress);
        var request = new ApiRequest(HttpMethod.Get, "getJob");
        request.AppendPath("/jobs/1");

        var before = GC.GetTotalAllocatedBytes(precise: true);
        await Assert.ThrowsAsync<CatchAllTransportException>(() => pipeline.SendAsync(request, TestJson.Default.JobDto, null, CancellationToken.None));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.True(allocated < declared / 4, $"reading a 10-byte body that claimed {declared} bytes allocated {allocated} bytes");
    }
}

/// <summary>A body nobody reads (an operation that returns nothing) is drained through a small buffer, not kept.</summary>
[Collection(nameof(ResponseBufferTests))]
public class DrainedBodyTests
{
    [Fact]
    public async Task The_body_of_an_operation_that_returns_nothing_is_drained_without_a_buffer_its_size()
    {
        const long size = 32 * 1024 * 1024;
        await using var server = FaultServer.Start(new Fault { FillerLength = size });
        using var pipeline = PipelineFactory.Create(server.BaseAddress);
        var request = new ApiRequest(HttpMethod.Delete, "deleteJob");
        request.AppendPath("/jobs/1");

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var response = await pipeline.SendAsync(request, null, CancellationToken.None);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(200, response.StatusCode);
        Assert.True(allocated < size / 8, $"draining a {size}-byte body allocated {allocated} bytes");
    }
}
