using System;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.Runtime.Tests.Infrastructure;
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
        using CatchAllPipeline pipeline = PipelineFactory.Create(server.BaseAddress);
        var request = new ApiRequest(HttpMethod.Get, "getJob");
        request.AppendPath("/jobs/1");

        long before = GC.GetTotalAllocatedBytes(precise: true);
        await Assert.ThrowsAsync<CatchAllTransportException>(() => pipeline.SendAsync(request, TestJson.Default.JobDto, null, CancellationToken.None));
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.True(allocated < declared / 4, $"reading a 10-byte body that claimed {declared} bytes allocated {allocated} bytes");
    }
}
