using System;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static CatchAll.EndToEnd.Tests.Readme.UnitTestExamples;

namespace CatchAll.EndToEnd.Tests.Readme;

/// <summary>The README's "Testing your code" example of a fake in DI; ReadmeExampleTests keeps the two the same.</summary>
public sealed class DependencyInjectionExample
{
    #region README dependency-injection
    // Application code depends on the interface, not on CatchAllClient.
    public sealed class JobReport(IJobsClient jobs)
    {
        public async Task<string> DescribeAsync(Guid jobId) => $"{(await jobs.GetJobStatusAsync(jobId)).Status}";
    }

    [Fact]
    public async Task The_fake_registered_first_is_the_one_the_app_gets()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IJobsClient>(new FinishedJobs()); // before AddCatchAllClient, which keeps it
        services.AddCatchAllClient(options => options.ApiKey = "unused-by-the-fake");
        services.AddTransient<JobReport>();
        await using var provider = services.BuildServiceProvider();

        var report = provider.GetRequiredService<JobReport>();

        Assert.Equal("completed", await report.DescribeAsync(Guid.NewGuid()));
    }
    #endregion
}
