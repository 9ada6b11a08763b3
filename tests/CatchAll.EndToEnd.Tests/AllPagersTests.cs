using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CatchAll.EndToEnd.Tests.Infrastructure;
using CatchAll.Models;
using CatchAll.TestSupport;
using Xunit;

namespace CatchAll.EndToEnd.Tests;

/// <summary>
/// Every generated XxxAllAsync pager walks all pages of what the emulator serves: five items at two a page is
/// three requests, each item once. A pager reading the wrong items property or total stops early or loops.
/// </summary>
public sealed class AllPagersTests : IAsyncLifetime
{
    private const int Count = 5;
    private const int PageSize = 2;
    private static readonly string[] ThreePages = ["?page=1&page_size=2", "?page=2&page_size=2", "?page=3&page_size=2"];

    private readonly SteppingTimeProvider _time = new(EmulatorSession.FakeStart);
    private EmulatorSession _session = null!;

    private CatchAllClient Client => _session.Client;

    public async Task InitializeAsync() => _session = await EmulatorSession.StartOnFakeClockAsync(_time);

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Fact]
    public async Task ListMonitorsAllAsync()
    {
        var reference = await CompletedJobAsync();
        var ids = new HashSet<Guid>();
        for (var i = 0; i < Count; i++)
        {
            var created = await Client.Monitors.CreateMonitorAsync(new CreateMonitorRequest { ReferenceJobId = reference, Schedule = "every day at 12 PM UTC", Backfill = false });
            ids.Add(created.MonitorId!.Value);
        }

        await AssertWalksAllPagesAsync(Client.Monitors.ListMonitorsAllAsync(pageSize: PageSize), m => m.MonitorId, ids, "/catchAll/monitors");
    }

    [Fact]
    public async Task ListProjectsAllAsync()
    {
        var ids = new HashSet<Guid>();
        for (var i = 0; i < Count; i++)
        {
            ids.Add((await Client.Projects.CreateProjectAsync(new CreateProjectRequest { Name = "Project " + i })).ProjectId);
        }

        await AssertWalksAllPagesAsync(Client.Projects.ListProjectsAllAsync(pageSize: PageSize), p => p.ProjectId, ids, "/catchAll/projects");
    }

    [Fact]
    public async Task ListProjectResourcesAllAsync()
    {
        var projectId = (await Client.Projects.CreateProjectAsync(new CreateProjectRequest { Name = "Paged project" })).ProjectId;
        var jobs = await JobsAsync();
        await Client.Projects.AddResourceToProjectAsync(projectId, new AddResourceRequest
        {
            Resources = jobs.Select(id => new ResourceItem { ResourceType = ProjectResourceType.Job, ResourceId = id }).ToList(),
        });

        await AssertWalksAllPagesAsync(Client.Projects.ListProjectResourcesAllAsync(projectId, pageSize: PageSize), r => r.ResourceId, jobs, $"/catchAll/projects/{projectId}/resources");
    }

    [Fact]
    public async Task ListWebhooksAllAsync()
    {
        var ids = await WebhooksAsync();

        await AssertWalksAllPagesAsync(Client.Webhooks.ListWebhooksAllAsync(pageSize: PageSize), w => w.Id, ids, "/catchAll/webhooks");
    }

    [Fact]
    public async Task ListWebhookResourcesAllAsync()
    {
        var webhookId = (await WebhooksAsync(1)).Single();
        var jobs = await JobsAsync();
        foreach (var job in jobs)
        {
            await Client.Webhooks.AssignWebhookResourceAsync(webhookId, new AssignWebhookResourceRequest { ResourceType = MappableResourceType.Job, ResourceId = job });
        }

        await AssertWalksAllPagesAsync(Client.Webhooks.ListWebhookResourcesAllAsync(webhookId, pageSize: PageSize), m => m.ResourceId, jobs, $"/catchAll/webhooks/{webhookId}/resources");
    }

    [Fact]
    public async Task ListWebhooksForResourceAllAsync()
    {
        var job = (await JobsAsync(1)).Single();
        var webhooks = await WebhooksAsync();
        foreach (var webhook in webhooks)
        {
            await Client.Webhooks.AssignWebhookResourceAsync(webhook, new AssignWebhookResourceRequest { ResourceType = MappableResourceType.Job, ResourceId = job });
        }

        await AssertWalksAllPagesAsync(Client.Webhooks.ListWebhooksForResourceAllAsync(MappableResourceType.Job, job, pageSize: PageSize), w => w.Id, webhooks, $"/catchAll/resources/job/{job}/webhooks");
    }

    [Fact]
    public async Task GetWebhookDeliveryHistoryAllAsync()
    {
        using var receiver = WebhookReceiver.Start();
        var job = (await JobsAsync(1)).Single();
        var webhooks = await WebhooksAsync(Count, receiver.Url.ToString());
        foreach (var webhook in webhooks)
        {
            await Client.Webhooks.AssignWebhookResourceAsync(webhook, new AssignWebhookResourceRequest { ResourceType = MappableResourceType.Job, ResourceId = job });
        }

        // The job's completion goes to each of its five webhooks: five deliveries in its history.
        _time.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(PublicJobStatus.Completed, (await Client.Jobs.GetJobStatusAsync(job)).Status);
        Assert.True(await _session.Emulator.WaitForWebhooksAsync(TimeSpan.FromSeconds(10)), "deliveries still pending");
        Assert.Equal(Count, receiver.Received.Count);

        await AssertWalksAllPagesAsync(Client.Webhooks.GetWebhookDeliveryHistoryAllAsync(MappableResourceType.Job, job, pageSize: PageSize), d => d.WebhookId, webhooks, "/catchAll/webhook-history");
    }

    [Fact]
    public async Task ListEntitiesAllAsync()
    {
        var ids = await EntitiesAsync();

        await AssertWalksAllPagesAsync(Client.Entities.ListEntitiesAllAsync(pageSize: PageSize), e => e.Id, ids, "/catchAll/entities");
    }

    [Fact]
    public async Task ListDatasetsAllAsync()
    {
        var entity = (await EntitiesAsync(1)).Single();
        var ids = new HashSet<Guid>();
        for (var i = 0; i < Count; i++)
        {
            ids.Add((await Client.Datasets.CreateDatasetAsync(new CreateDatasetRequest { Name = "Watchlist " + i, EntityIds = [entity] })).Id);
        }

        await AssertWalksAllPagesAsync(Client.Datasets.ListDatasetsAllAsync(pageSize: PageSize), d => d.Id, ids, "/catchAll/datasets");
    }

    [Fact]
    public async Task A_pager_that_knows_the_item_total_stops_at_the_last_full_page_without_asking_for_an_empty_one()
    {
        // `total` and `page_size` give the page count: 4 entities at 2 a page are 2 requests, not 3.
        var ids = await EntitiesAsync(4);

        await AssertWalksAllPagesAsync(Client.Entities.ListEntitiesAllAsync(pageSize: PageSize), e => e.Id, ids, "/catchAll/entities", ThreePages[..2]);
    }

    private async Task AssertWalksAllPagesAsync<TItem>(IAsyncEnumerable<TItem> pager, Func<TItem, Guid> id, IReadOnlySet<Guid> expected, string path, string[]? pages = null)
    {
        _session.Http.Clear();
        var seen = new List<Guid>();
        await foreach (var item in pager)
        {
            seen.Add(id(item));
        }

        Assert.Equal(expected.Count, seen.Count);
        Assert.True(expected.SetEquals(seen), "the pager yielded other items than were created");
        Assert.Equal(pages ?? ThreePages, _session.Http.To("GET", path).Select(r => StripFilters(r.Query)));
    }

    /// <summary>The history pager also sends resource_type and resource_id; only the paging part is compared.</summary>
    private static string StripFilters(string query) =>
        "?" + string.Join("&", query.TrimStart('?').Split('&').Where(p => p.StartsWith("page=", StringComparison.Ordinal) || p.StartsWith("page_size=", StringComparison.Ordinal)));

    private async Task<Guid> CompletedJobAsync()
    {
        var job = (await Client.Jobs.CreateJobAsync(new SubmitRequest { Query = "Series B funding rounds for SaaS startups", Limit = 10 })).JobId;
        _time.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(PublicJobStatus.Completed, (await Client.Jobs.GetJobStatusAsync(job)).Status);
        return job;
    }

    private async Task<HashSet<Guid>> JobsAsync(int count = Count)
    {
        var ids = new HashSet<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await Client.Jobs.CreateJobAsync(new SubmitRequest { Query = "Funding rounds, batch " + i, Limit = 10 })).JobId);
        }

        return ids;
    }

    private async Task<HashSet<Guid>> EntitiesAsync(int count = Count)
    {
        var ids = new HashSet<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await Client.Entities.CreateEntityAsync(new CreateEntityRequest { Name = "Company " + i, EntityType = EntityType.Company })).Id);
        }

        return ids;
    }

    private async Task<HashSet<Guid>> WebhooksAsync(int count = Count, string url = "http://127.0.0.1:9/never-called")
    {
        var ids = new HashSet<Guid>();
        for (var i = 0; i < count; i++)
        {
            var created = await Client.Webhooks.CreateWebhookAsync(new CreateWebhookRequest { Name = "Hook " + i, Url = url });
            ids.Add(created.Webhook!.Id);
        }

        return ids;
    }
}
