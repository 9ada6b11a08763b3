using System;
using System.Collections.Generic;
using System.Reflection;
using System.Threading.Tasks;
using CatchAll.Emulator;
using CatchAll.Models;
using CatchAll.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CatchAll.EndToEnd.Tests;

/// <summary>
/// The generated AddCatchAllClient registers the client, ICatchAllClient and every resource interface, so
/// application code can depend on IJobsClient alone and a test can put its own fake in its place.
/// </summary>
public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task The_root_and_resource_interfaces_resolve_to_working_clients()
    {
        await using var emulator = await CatchAllEmulator.StartAsync();
        var services = new ServiceCollection();
        services.AddCatchAllClient(options =>
        {
            options.ApiKey = emulator.ApiKey;
            options.BaseAddress = emulator.BaseAddress;
        });
        await using var provider = services.BuildServiceProvider();

        var root = provider.GetRequiredService<ICatchAllClient>();
        var jobs = provider.GetRequiredService<IJobsClient>();
        var meta = provider.GetRequiredService<IMetaClient>();

        Assert.IsType<CatchAllClient>(root);
        Assert.IsType<JobsClient>(jobs);
        var submitted = await jobs.CreateJobAsync(new SubmitRequest { Query = "Series B funding rounds for SaaS startups", Limit = 10 });
        Assert.Equal(submitted.JobId, (await root.Jobs.GetJobStatusAsync(submitted.JobId)).JobId);
        await meta.HealthCheckAsync();
        foreach (var type in new[] { typeof(IMonitorsClient), typeof(IWebhooksClient), typeof(IEntitiesClient), typeof(IDatasetsClient), typeof(IProjectsClient) })
        {
            Assert.NotNull(provider.GetRequiredService(type));
        }
    }

    [Fact]
    public async Task A_fake_registered_first_is_kept_and_the_generated_helpers_run_on_it()
    {
        var fake = CompletedJobs.Create(out var calls);
        var services = new ServiceCollection();
        services.AddSingleton(fake);
        services.AddCatchAllClient(options => options.ApiKey = "not-used");
        await using var provider = services.BuildServiceProvider();

        var jobs = provider.GetRequiredService<IJobsClient>();
        var status = await jobs.WaitForCompletionAsync(Guid.NewGuid(), new PollingOptions { Interval = TimeSpan.Zero });

        Assert.Same(fake, jobs);
        Assert.Equal(PublicJobStatus.Completed, status.Status);
        Assert.Equal(2, calls.Count);
    }

    /// <summary>
    /// A test double as a mocking library would make one: GetJobStatusAsync answers enriching, then completed;
    /// any other member fails the test.
    /// </summary>
    public class CompletedJobs : DispatchProxy
    {
        private List<string> _calls = null!;

        public static IJobsClient Create(out List<string> calls)
        {
            var proxy = DispatchProxy.Create<IJobsClient, CompletedJobs>();
            calls = ((CompletedJobs)(object)proxy)._calls = [];
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod?.Name != nameof(IJobsClient.GetJobStatusAsync))
            {
                throw new InvalidOperationException("The fake does not expect " + targetMethod?.Name);
            }

            _calls.Add(targetMethod.Name);
            return Task.FromResult(new StatusResponse
            {
                JobId = (Guid)args![0]!,
                Status = _calls.Count == 1 ? PublicJobStatus.Enriching : PublicJobStatus.Completed,
            });
        }
    }
}
