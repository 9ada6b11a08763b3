using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CatchAll.EndToEnd.Tests.Infrastructure;
using CatchAll.Models;
using CatchAll.Runtime;
using CatchAll.TestSupport;
using Xunit;

namespace CatchAll.EndToEnd.Tests;

/// <summary>
/// Calls every operation of the contract through the generated client, in the order a user would: meta,
/// jobs, monitors, webhooks, entities, datasets, projects, then clean-up. Each step checks what came back
/// (ids round-trip, statuses move, counts add up), so a request that merely "works" is not enough.
/// The API clock is fake: jobs and schedules are moved forward with <see cref="SteppingTimeProvider.Advance"/>
/// between calls, never while a call is in flight.
/// </summary>
internal sealed class OperationTour(EmulatorSession session, SteppingTimeProvider time, WebhookReceiver receiver)
{
    private const string Query = "Series B funding rounds for SaaS startups";
    private const string Context = "Only rounds led by institutional investors";

    /// <summary>The default stage durations add up to 13 minutes; a little more guarantees completion.</summary>
    private static readonly TimeSpan JobDuration = TimeSpan.FromMinutes(14);

    private CatchAllClient Client => session.Client;

    public async Task RunAsync()
    {
        await MetaAsync();
        var jobId = await JobsAsync();
        await MonitorsAsync(jobId);
        await WebhooksAsync();
        var (acmeId, globexId) = await EntitiesAsync();
        var datasetId = await DatasetsAsync(acmeId, globexId);
        await ProjectsAsync(jobId, datasetId);
        await DeleteJobAsync(jobId);
    }

    private async Task MetaAsync()
    {
        var health = await Client.Meta.HealthCheckAsync();
        Assert.True(health.Healthy);

        var version = await Client.Meta.GetVersionAsync();
        Assert.Equal(CatchAllClient.ContractVersion, version.Version);

        var limits = await Client.Meta.GetPlanLimitsAsync();
        var maxResults = Assert.Single(limits.Features, f => f.Code == "Job_Max_Results");
        Assert.Equal(1000, maxResults.Value?.GetInt32());
        Assert.Contains(limits.Features, f => f.Code == "Jobs_Concurrency");
    }

    private async Task<Guid> JobsAsync()
    {
        var validation = await Client.Jobs.ValidateQueryAsync(new ValidateQueryRequest { Query = Query });
        Assert.Contains(validation.Status, QueryStatus.KnownValues);
        Assert.False(string.IsNullOrWhiteSpace(validation.Title));
        Assert.InRange(validation.Confidence, 0.0, 1.0);

        var plan = await Client.Jobs.InitializeAsync(new InitializeRequest { Query = Query, Context = Context });
        Assert.Equal(Query, plan.Query);
        Assert.NotEmpty(plan.Validators);
        Assert.NotEmpty(plan.Enrichments);
        Assert.True(plan.StartDate < plan.EndDate, $"initialize proposed {plan.StartDate:O} .. {plan.EndDate:O}");

        var submitted = await Client.Jobs.CreateJobAsync(new SubmitRequest
        {
            Query = Query,
            Context = Context,
            Limit = 10,
            Validators = plan.Validators,
            Enrichments = plan.Enrichments,
        });
        var jobId = submitted.JobId;
        Assert.NotEqual(Guid.Empty, jobId);

        var status = await Client.Jobs.GetJobStatusAsync(jobId);
        Assert.Equal(jobId, status.JobId);
        Assert.Equal(PublicJobStatus.Submitted, status.Status);
        Assert.Equal(PublicJobStatus.KnownValues, status.Steps!.OrderBy(s => s.Order).Select(s => s.Status));
        Assert.DoesNotContain(status.Steps!, s => s.Completed);

        time.Advance(JobDuration);
        status = await Client.Jobs.GetJobStatusAsync(jobId);
        Assert.Equal(PublicJobStatus.Completed, status.Status);

        var results = await Client.Jobs.GetJobResultsAsync(jobId);
        Assert.Equal(jobId, results.JobId);
        Assert.Equal(Query, results.Query);
        Assert.Equal(Context, results.Context);
        Assert.Equal("completed", results.Status);
        Assert.Equal(10, results.Limit);
        var firstRecords = results.AllRecords!;
        Assert.InRange(firstRecords.Count, 1, 10);
        Assert.Equal(results.ValidRecords, firstRecords.Count);
        Assert.Equal(firstRecords.Count, firstRecords.Select(r => r.RecordId).Distinct().Count());
        Assert.All(firstRecords, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.RecordTitle));
            Assert.NotEmpty(r.Citations);
        });

        // The job hit its limit; continuing raises it and enrichment resumes where it stopped.
        var continued = await Client.Jobs.ContinueJobAsync(new ContinueRequest { JobId = jobId, NewLimit = 20 });
        Assert.Equal(jobId, continued.JobId);
        Assert.Equal(10, continued.PreviousLimit);
        Assert.Equal(20, continued.NewLimit);
        Assert.Equal("accepted", continued.Status);

        time.Advance(JobDuration);
        var more = await Client.Jobs.GetJobResultsAsync(jobId, page: 1, pageSize: 100);
        Assert.Equal("completed", more.Status);
        Assert.Equal(20, more.Limit);
        Assert.True(more.AllRecords!.Count >= firstRecords.Count, $"continuing lost records: {firstRecords.Count} -> {more.AllRecords.Count}");
        Assert.Subset(more.AllRecords.Select(r => r.RecordId).ToHashSet(), firstRecords.Select(r => r.RecordId).ToHashSet());

        var mine = await Client.Jobs.GetUserJobsAsync(pageSize: 50);
        var listed = Assert.Single(mine.Jobs, j => j.JobId == jobId);
        Assert.Equal(Query, listed.Query);
        Assert.Equal("completed", listed.Status);
        Assert.Equal(mine.Jobs.Count, mine.Total);
        return jobId;
    }

    private async Task MonitorsAsync(Guid referenceJobId)
    {
        var created = await Client.Monitors.CreateMonitorAsync(new CreateMonitorRequest
        {
            ReferenceJobId = referenceJobId,
            Schedule = "every day at 12 PM UTC",
            Timezone = "UTC",
            Limit = 10,
            Backfill = false,
        });
        var monitorId = Assert.NotNull(created.MonitorId);
        Assert.Contains("created", created.Status, StringComparison.OrdinalIgnoreCase);

        var list = await Client.Monitors.ListMonitorsAsync();
        var item = Assert.Single(list.Monitors, m => m.MonitorId == monitorId);
        Assert.Equal(referenceJobId, item.ReferenceJobId);
        Assert.Equal(Query, item.ReferenceJobQuery);
        Assert.True(item.Enabled);

        var pulled = await Client.Monitors.PullMonitorResultsAsync(monitorId);
        Assert.Equal(monitorId, pulled.MonitorId);
        Assert.Equal(Query, pulled.ReferenceJob.Query);
        Assert.Equal("UTC", pulled.Timezone);
        Assert.Null(pulled.RunInfo);
        Assert.True(pulled.Records > 0, "a new monitor starts from its reference job's records");
        Assert.Equal(pulled.Records, pulled.AllRecords!.Count);

        // Noon passes: the emulator starts the scheduled run and, once its job is done, folds its records in.
        time.Advance(TimeSpan.FromHours(4));
        var runs = await Client.Monitors.ListMonitorJobsAsync(monitorId, SortOrder.Asc);
        Assert.Equal(monitorId, runs.MonitorId);
        Assert.Equal(SortOrder.Asc, runs.SortOrder);
        Assert.Equal(1, runs.TotalJobs);
        var run = Assert.Single(runs.Jobs);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero), run.EndDate);

        var disabled = await Client.Monitors.DisableMonitorAsync(monitorId);
        Assert.True(disabled.Success);
        Assert.Equal(monitorId, disabled.MonitorId);
        Assert.Equal("Disabled", (await Client.Monitors.PullMonitorResultsAsync(monitorId)).Status);

        var enabled = await Client.Monitors.EnableMonitorAsync(monitorId, new EnableMonitorRequest { Backfill = false });
        Assert.True(enabled.Success);
        Assert.Equal(monitorId, enabled.MonitorId);

        var history = await Client.Monitors.GetMonitorStatusHistoryAsync(monitorId);
        Assert.True(history.Success);
        Assert.Equal(monitorId, history.MonitorId);
        Assert.Equal(history.Statuses!.Count, history.TotalStatuses);
        var kinds = history.Statuses.Select(s => s.Status).ToList();
        foreach (var expected in new[] { MonitorStatusEntryStatus.Created, MonitorStatusEntryStatus.Scheduled, MonitorStatusEntryStatus.Dump, MonitorStatusEntryStatus.Disable, MonitorStatusEntryStatus.Enable })
        {
            Assert.Contains(expected, kinds);
        }

        var updated = await Client.Monitors.UpdateMonitorAsync(monitorId, new UpdateMonitorRequest { Limit = 25 });
        Assert.Equal(monitorId, updated.MonitorId);
        var afterUpdate = await Client.Monitors.PullMonitorResultsAsync(monitorId);
        Assert.Equal(25, afterUpdate.Limit);
        Assert.NotNull(afterUpdate.RunInfo?.FirstRun);

        var deleted = await Client.Monitors.DeleteMonitorAsync(monitorId);
        Assert.True(deleted.Success);
        Assert.Equal(monitorId, deleted.MonitorId);
        await Assert.ThrowsAsync<NotFoundException>(() => Client.Monitors.PullMonitorResultsAsync(monitorId));
    }

    private async Task WebhooksAsync()
    {
        var url = receiver.Url.ToString();
        var created = await Client.Webhooks.CreateWebhookAsync(new CreateWebhookRequest
        {
            Name = "e2e receiver",
            Url = url,
            Method = Models.WebhookHttpMethod.Post,
            Headers = new Dictionary<string, string> { [WebhookReceiver.MarkerHeader] = "tour" },
            Auth = new BearerAuth { Token = "receiver-token" },
        });
        Assert.True(created.Success);
        var webhook = Assert.IsType<WebhookResponse>(created.Webhook);
        var webhookId = webhook.Id;
        Assert.Equal(url, webhook.Url);
        Assert.Equal(WebhookType.Generic, webhook.Type);
        Assert.Equal(DeliveryMode.Full, webhook.DeliveryMode);
        Assert.True(webhook.IsActive);

        var list = await Client.Webhooks.ListWebhooksAsync();
        Assert.Single(list.Webhooks, w => w.Id == webhookId);

        var got = await Client.Webhooks.GetWebhookAsync(webhookId);
        Assert.Equal("e2e receiver", got.Webhook!.Name);

        var updated = await Client.Webhooks.UpdateWebhookAsync(webhookId, new UpdateWebhookRequest { Name = "e2e receiver (renamed)" });
        Assert.Equal("e2e receiver (renamed)", updated.Webhook!.Name);
        Assert.Equal(url, updated.Webhook.Url);

        var test = await Client.Webhooks.TestWebhookAsync(webhookId);
        Assert.True(test.Success, test.Message);
        Assert.Equal(200, test.HttpStatusCode);
        var testDelivery = Assert.Single(receiver.Received);
        Assert.Equal("POST", testDelivery.Method);
        Assert.Equal("Bearer receiver-token", testDelivery.Authorization);
        Assert.Equal("tour", testDelivery.Marker);

        // A job that is still running gets the webhook; its completion is then delivered to the receiver.
        var jobId = (await Client.Jobs.CreateJobAsync(new SubmitRequest { Query = "Data center construction announcements in Europe", Limit = 10 })).JobId;
        var assigned = await Client.Webhooks.AssignWebhookResourceAsync(webhookId, new AssignWebhookResourceRequest { ResourceType = MappableResourceType.Job, ResourceId = jobId });
        Assert.True(assigned.Success);
        Assert.False(assigned.AlreadyExisted);
        Assert.Equal(jobId, assigned.Mapping!.ResourceId);
        Assert.Equal(webhookId, assigned.Mapping.WebhookId);

        var resources = await Client.Webhooks.ListWebhookResourcesAsync(webhookId);
        var mapping = Assert.Single(resources.Resources);
        Assert.Equal(jobId, mapping.ResourceId);
        Assert.Equal("job", mapping.ResourceType);

        var forJob = await Client.Webhooks.ListWebhooksForResourceAsync(MappableResourceType.Job, jobId);
        Assert.Equal(webhookId, Assert.Single(forJob.Webhooks).Id);

        time.Advance(JobDuration);
        Assert.Equal(PublicJobStatus.Completed, (await Client.Jobs.GetJobStatusAsync(jobId)).Status);
        Assert.True(await session.Emulator.WaitForWebhooksAsync(TimeSpan.FromSeconds(10)), "the completion webhook was not delivered");

        var deliveries = await Client.Webhooks.GetWebhookDeliveryHistoryAsync(MappableResourceType.Job, jobId);
        Assert.Equal(jobId, deliveries.ResourceId);
        var delivery = Assert.Single(deliveries.Items);
        Assert.Equal(webhookId, delivery.WebhookId);
        Assert.Equal(DeliveryStatus.Success, delivery.DeliveryStatus);
        Assert.Equal(200, delivery.StatusCode);
        Assert.Contains(receiver.Received, r => r.Body.Contains(jobId.ToString(), StringComparison.Ordinal));

        await Client.Webhooks.RemoveWebhookResourceAsync(webhookId, MappableResourceType.Job, jobId);
        Assert.Equal(0, (await Client.Webhooks.ListWebhookResourcesAsync(webhookId)).Total);

        await Client.Webhooks.DeleteWebhookAsync(webhookId);
        await Assert.ThrowsAsync<NotFoundException>(() => Client.Webhooks.GetWebhookAsync(webhookId));
    }

    private async Task<(Guid Acme, Guid Globex)> EntitiesAsync()
    {
        var acme = await Client.Entities.CreateEntityAsync(new CreateEntityRequest
        {
            Name = "Acme Robotics",
            EntityType = EntityType.Company,
            Description = "Warehouse robots",
            AdditionalAttributes = new AdditionalAttributes
            {
                CompanyAttributes = new CompanyAttributes { Domain = "acme-robotics.example", AlternativeNames = ["Acme Bots"] },
            },
        });
        Assert.NotEqual(Guid.Empty, acme.Id);
        Assert.Equal("pending", acme.Status);

        var batch = await Client.Entities.CreateEntitiesBatchAsync(new CreateEntitiesBatchRequest
        {
            Entities =
            [
                new CreateEntityRequest { Name = "Globex Analytics", EntityType = EntityType.Company },
                new CreateEntityRequest { Name = "Jane Placeholder", EntityType = EntityType.Person },
            ],
        });
        Assert.Equal(2, batch.Count);
        Assert.Equal(2, batch.Entities.Select(e => e.Id).Distinct().Count());
        var globexId = batch.Entities[0].Id;
        var personId = batch.Entities[1].Id;

        var all = await Client.Entities.ListEntitiesAsync(pageSize: 100);
        Assert.Subset(all.Entities.Select(e => e.Id).ToHashSet(), new HashSet<Guid> { acme.Id, globexId, personId });
        var people = await Client.Entities.ListEntitiesAsync(entityType: EntityType.Person);
        Assert.Equal(personId, Assert.Single(people.Entities).Id);

        var got = await Client.Entities.GetEntityAsync(acme.Id);
        Assert.Equal("Acme Robotics", got.Name);
        Assert.Equal(EntityType.Company, got.EntityType);
        Assert.Equal("acme-robotics.example", got.AdditionalAttributes?.CompanyAttributes?.Domain);

        var updated = await Client.Entities.UpdateEntityAsync(acme.Id, new UpdateEntityRequest { Name = "Acme Robotics Inc." });
        Assert.Equal("Acme Robotics Inc.", updated.Name);
        Assert.Equal("acme-robotics.example", updated.AdditionalAttributes?.CompanyAttributes?.Domain);

        await Client.Entities.DeleteEntityAsync(personId);
        await Assert.ThrowsAsync<NotFoundException>(() => Client.Entities.GetEntityAsync(personId));
        return (acme.Id, globexId);
    }

    private async Task<Guid> DatasetsAsync(Guid acmeId, Guid globexId)
    {
        var dataset = await Client.Datasets.CreateDatasetAsync(new CreateDatasetRequest
        {
            Name = "Robotics watchlist",
            EntityIds = [acmeId],
        });
        Assert.NotEqual(Guid.Empty, dataset.Id);
        Assert.Equal("Robotics watchlist", dataset.Name);
        Assert.Equal(1, dataset.EntityCount);

        using (var csv = Utf8("name,domain\nInitech,initech.example\nHooli,hooli.example\n,nameless.example\n"))
        {
            var imported = await Client.Datasets.CreateDatasetFromCsvAsync(csv, "companies.csv", "Imported companies", "Rows from a spreadsheet");
            Assert.Equal("Imported companies", imported.DatasetName);
            Assert.Equal(2, imported.EntitiesCreated);
            Assert.Equal(3, imported.ValidationReport.TotalRows);
            Assert.Equal(2, imported.ValidationReport.ValidRows);
            Assert.Equal(1, imported.ValidationReport.SkippedCount);
            Assert.Contains("name", Assert.Single(imported.ValidationReport.SkippedRows).Reason, StringComparison.Ordinal);

            var listed = await Client.Datasets.ListDatasetsAsync(pageSize: 50);
            Assert.Subset(listed.Datasets.Select(d => d.Id).ToHashSet(), new HashSet<Guid> { dataset.Id, imported.DatasetId });
            Assert.Equal(2, (await Client.Datasets.GetDatasetAsync(imported.DatasetId)).EntityCount);

            await Client.Datasets.DeleteDatasetAsync(imported.DatasetId);
            await Assert.ThrowsAsync<NotFoundException>(() => Client.Datasets.GetDatasetAsync(imported.DatasetId));
        }

        var got = await Client.Datasets.GetDatasetAsync(dataset.Id);
        Assert.Equal(dataset.Id, got.Id);
        Assert.Equal(1, got.EntityCount);

        var updated = await Client.Datasets.UpdateDatasetAsync(dataset.Id, new UpdateDatasetRequest { Description = "Robotics companies we follow" });
        Assert.Equal("Robotics companies we follow", updated.Description);
        Assert.Equal("Robotics watchlist", updated.Name);

        var added = await Client.Datasets.AddEntitiesToDatasetAsync(dataset.Id, new DatasetEntityIdsRequest { EntityIds = [globexId] });
        Assert.Equal(dataset.Id, added.DatasetId);
        Assert.Equal(1, added.AffectedCount);
        var removed = await Client.Datasets.RemoveEntitiesFromDatasetAsync(dataset.Id, new DatasetEntityIdsRequest { EntityIds = [globexId] });
        Assert.Equal(1, removed.AffectedCount);

        var members = await Client.Datasets.ListEntitiesInDatasetAsync(dataset.Id, new ListDatasetEntitiesRequest { PageSize = 50 });
        Assert.Equal(1, members.Total);
        Assert.Equal(acmeId, Assert.Single(members.Entities).Id);

        // Entities enrich within half a minute of API time; the dataset follows them to ready.
        time.Advance(TimeSpan.FromMinutes(1));
        var history = await Client.Datasets.GetDatasetStatusHistoryAsync(dataset.Id);
        Assert.Equal(dataset.Id, history.DatasetId);
        Assert.Equal(DatasetStatus.Pending, history.History[0].Status);
        Assert.Equal(DatasetStatus.Ready, history.History[^1].Status);

        using (var more = Utf8("name,domain,description\nVandelay Industries,vandelay.example,Importer and exporter\n"))
        {
            var upload = await Client.Datasets.UploadCsvToDatasetAsync(dataset.Id, more, "more.csv");
            Assert.Equal(dataset.Id, upload.DatasetId);
            Assert.Equal(1, upload.EntitiesCreated);
            Assert.Equal(0, upload.ValidationReport.SkippedCount);
        }

        Assert.Equal(2, (await Client.Datasets.GetDatasetAsync(dataset.Id)).EntityCount);
        return dataset.Id;
    }

    private async Task ProjectsAsync(Guid jobId, Guid datasetId)
    {
        var created = await Client.Projects.CreateProjectAsync(new CreateProjectRequest { Name = "Funding research", Description = "Rounds and acquisitions" });
        Assert.True(created.Success);
        Assert.Equal("Funding research", created.Name);
        var projectId = created.ProjectId;

        var list = await Client.Projects.ListProjectsAsync();
        Assert.Equal("Funding research", Assert.Single(list.Projects, p => p.ProjectId == projectId).Name);

        var renamed = await Client.Projects.UpdateProjectAsync(projectId, new UpdateProjectRequest { Name = "Funding research 2026" });
        Assert.True(renamed.Success);
        Assert.Equal(projectId, renamed.ProjectId);

        var got = await Client.Projects.GetProjectAsync(projectId);
        Assert.Equal(projectId, got.ProjectId);
        Assert.Equal("Funding research 2026", got.Name);

        var added = await Client.Projects.AddResourceToProjectAsync(projectId, new AddResourceRequest
        {
            Resources =
            [
                new ResourceItem { ResourceType = ProjectResourceType.Job, ResourceId = jobId },
                new ResourceItem { ResourceType = ProjectResourceType.Dataset, ResourceId = datasetId },
            ],
        });
        Assert.True(added.Success, added.Message);
        Assert.Equal(2, added.Results.Count);
        Assert.All(added.Results, r =>
        {
            Assert.True(r.Success, r.Message);
            Assert.False(r.AlreadyExists);
        });

        var overview = await Client.Projects.GetProjectOverviewAsync(projectId);
        Assert.Equal(projectId, overview.ProjectId);
        Assert.Equal(1, overview.Overview.Jobs.AdditionalProperties["completed"].GetInt32());
        Assert.Equal(1, overview.Overview.Datasets.AdditionalProperties["total"].GetInt32());

        var resources = await Client.Projects.ListProjectResourcesAsync(projectId);
        Assert.Equal(2, resources.Total);
        Assert.Equal(Query, Assert.Single(resources.Resources, r => r.ResourceType == ProjectResourceType.Job && r.ResourceId == jobId).Name);
        Assert.Single(resources.Resources, r => r.ResourceType == ProjectResourceType.Dataset && r.ResourceId == datasetId);
        var jobsInProject = await Client.Jobs.GetUserJobsAsync(projectId: projectId);
        Assert.Equal(jobId, Assert.Single(jobsInProject.Jobs).JobId);

        var removed = await Client.Projects.RemoveResourceFromProjectAsync(projectId, ProjectResourceType.Dataset, datasetId);
        Assert.True(removed.Success);
        var remaining = await Client.Projects.ListProjectResourcesAsync(projectId);
        Assert.Equal(jobId, Assert.Single(remaining.Resources).ResourceId);

        await Client.Projects.DeleteProjectAsync(projectId, deleteResources: false);
        await Assert.ThrowsAsync<NotFoundException>(() => Client.Projects.GetProjectAsync(projectId));
        Assert.Equal(PublicJobStatus.Completed, (await Client.Jobs.GetJobStatusAsync(jobId)).Status);
    }

    private async Task DeleteJobAsync(Guid jobId)
    {
        var deleted = await Client.Jobs.DeleteJobAsync(jobId);
        Assert.True(deleted.Success);
        Assert.Equal(jobId, deleted.JobId);
        var mine = await Client.Jobs.GetUserJobsAsync();
        Assert.DoesNotContain(mine.Jobs, j => j.JobId == jobId);
    }

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));
}
