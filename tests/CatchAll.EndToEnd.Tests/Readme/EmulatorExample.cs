using System;
using System.Threading.Tasks;
using CatchAll.Emulator;
using CatchAll.Models;
using Xunit;

namespace CatchAll.EndToEnd.Tests.Readme;

/// <summary>The README's "Testing your code" example of an integration test; ReadmeExampleTests keeps the two the same.</summary>
public sealed class EmulatorExample
{
    #region README emulator
    [Fact]
    public async Task A_job_runs_end_to_end_against_the_emulator()
    {
        await using var emulator = await CatchAllEmulator.StartAsync();
        using var client = new CatchAllClient(new CatchAllClientOptions { ApiKey = emulator.ApiKey, BaseAddress = emulator.BaseAddress });

        var status = await client.Jobs.SubmitAndWaitAsync(
            new SubmitRequest { Query = "acquisitions in fintech", Limit = 10 },
            new PollingOptions { Interval = TimeSpan.FromMilliseconds(250) });

        Assert.Equal(PublicJobStatus.Completed, status.Status);
        await foreach (var record in client.Jobs.GetJobResultsAllAsync(status.JobId))
        {
            Assert.False(string.IsNullOrEmpty(record.RecordTitle));
        }
    }
    #endregion
}
