using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using CatchAll.Models;
using Xunit;
using static CatchAll.Client.Tests.Http.OperationCase;

namespace CatchAll.Client.Tests.Http;

/// <summary>One case per operation of the spec: every argument set, with the wire text each must become.</summary>
internal static class OperationCases
{
    public static readonly Guid Job = Guid.Parse("5F0C9087-85CB-4917-B3C7-E5A5EFF73A0C");
    public static readonly Guid Monitor = Guid.Parse("7f3a8b2c-1e4d-4a5b-9c8d-6e7f8a9b0c1d");
    public static readonly Guid Webhook = Guid.Parse("A1B2C3D4-E5F6-7890-ABCD-EF1234567890");
    public static readonly Guid Entity = Guid.Parse("854198fa-f702-49db-a381-0427fa87f173");
    public static readonly Guid Dataset = Guid.Parse("ccabb755-afc2-4047-b84c-78d1f23d49b2");
    public static readonly Guid Project = Guid.Parse("60a85db4-78ec-4b78-876a-bc7d9cdadd04");
    public static readonly Guid Resource = Guid.Parse("3fec5b07-8786-46d7-9486-d43ff67eccd4");

    /// <summary>Text that needs escaping in a query: reserved characters, a space, a percent and non-ASCII.</summary>
    public const string Search = "M&A / Q2+ 50% #1 Zürich";

    public const string CsvText = "name,domain\nNewsCatcher,newscatcherapi.com\nOpenAI,openai.com\n";

    public static IReadOnlyDictionary<string, OperationCase> ById { get; } = All().ToDictionary(c => c.OperationId, StringComparer.Ordinal);

    private static string G(Guid id) => id.ToString("D");

    private static Dictionary<string, string> Values(params (string Name, string Value)[] pairs) => pairs.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);

    private static MemoryStream Csv() => new(Encoding.UTF8.GetBytes(CsvText));

    private static IEnumerable<OperationCase> All()
    {
        // Jobs
        yield return Op(
            "getUserJobs",
            c => c.Jobs.GetUserJobsWithResponseAsync(page: 2, pageSize: 50, search: Search, ownership: OwnershipFilter.Shared, projectId: Project),
            c => c.Jobs.GetUserJobsAsync(page: 2, pageSize: 50, search: Search, ownership: OwnershipFilter.Shared, projectId: Project),
            r =>
            {
                Assert.Equal(27, r.Total);
                Assert.Equal(Job, r.Jobs[0].JobId);
                Assert.Equal(new DateTimeOffset(2026, 2, 24, 13, 57, 56, TimeSpan.Zero), r.Jobs[0].CreatedAt);
            }) with
        {
            QueryValues = Values(("page", "2"), ("page_size", "50"), ("search", Search), ("ownership", "shared"), ("project_id", G(Project))),
        };

        yield return Op(
            "validateQuery",
            c => c.Jobs.ValidateQueryWithResponseAsync(new ValidateQueryRequest { Query = "Series B rounds" }),
            c => c.Jobs.ValidateQueryAsync(new ValidateQueryRequest { Query = "Series B rounds" }),
            r =>
            {
                Assert.Equal(QueryStatus.Good, r.Status);
                Assert.Equal(0.98, r.Confidence);
            }) with
        {
            RequestJson = """{"query":"Series B rounds"}""",
        };

        yield return Op(
            "initialize",
            c => c.Jobs.InitializeWithResponseAsync(new InitializeRequest { Query = "q", ConnectedDatasetIds = [Dataset], FetchAllWatchlistNews = true }),
            c => c.Jobs.InitializeAsync(new InitializeRequest { Query = "q", ConnectedDatasetIds = [Dataset], FetchAllWatchlistNews = true }),
            r =>
            {
                Assert.Equal(ValidatorSchemaType.Boolean, r.Validators[0].Type);
                Assert.Equal(EnrichmentType.Company, r.Enrichments[1].Type);
                Assert.Equal(new DateTimeOffset(2026, 2, 19, 0, 0, 0, TimeSpan.Zero), r.StartDate);
            }) with
        {
            RequestJson = $$"""{"query":"q","connected_dataset_ids":["{{G(Dataset)}}"],"fetch_all_watchlist_news":true}""",
        };

        yield return Op(
            "createJob",
            c => c.Jobs.CreateJobWithResponseAsync(SubmitBody()),
            c => c.Jobs.CreateJobAsync(SubmitBody()),
            r => Assert.Equal(Job, r.JobId)) with
        {
            RequestJson = $$"""{"query":"Series B funding rounds","start_date":"2026-02-18T00:00:00+00:00","limit":25,"mode":"lite","webhook_ids":["{{G(Webhook)}}"]}""",
        };

        yield return Op(
            "getJobStatus",
            c => c.Jobs.GetJobStatusWithResponseAsync(Job),
            c => c.Jobs.GetJobStatusAsync(Job),
            r =>
            {
                Assert.Equal(PublicJobStatus.Completed, r.Status);
                Assert.Equal(7, r.Steps!.Count);
                Assert.False(r.Steps[6].Completed);
            }) with
        {
            PathValues = Values(("job_id", G(Job))),
        };

        yield return Op(
            "getJobResults",
            c => c.Jobs.GetJobResultsWithResponseAsync(Job, page: 3, pageSize: 10),
            c => c.Jobs.GetJobResultsAsync(Job, page: 3, pageSize: 10),
            r =>
            {
                var record = Assert.Single(r.AllRecords!);
                Assert.Equal("6983973854314692457", record.RecordId);
                Assert.Equal(25000000, record.Enrichment.AdditionalProperties["funding_amount"].GetInt64());
                Assert.Null(r.Error);
            }) with
        {
            PathValues = Values(("job_id", G(Job))),
            QueryValues = Values(("page", "3"), ("page_size", "10")),
        };

        yield return Op(
            "continueJob",
            c => c.Jobs.ContinueJobWithResponseAsync(new ContinueRequest { JobId = Job, NewLimit = 100 }),
            c => c.Jobs.ContinueJobAsync(new ContinueRequest { JobId = Job, NewLimit = 100 }),
            r => Assert.Equal(100, r.NewLimit)) with
        {
            RequestJson = $$"""{"job_id":"{{G(Job)}}","new_limit":100}""",
        };

        yield return Op(
            "deleteJob",
            c => c.Jobs.DeleteJobWithResponseAsync(Job),
            c => c.Jobs.DeleteJobAsync(Job),
            r => Assert.True(r.Success)) with
        {
            PathValues = Values(("job_id", G(Job))),
        };

        // Monitors
        yield return Op(
            "listMonitors",
            c => c.Monitors.ListMonitorsWithResponseAsync(page: 1, pageSize: 100, search: Search, ownership: OwnershipFilter.Own, projectId: Project),
            c => c.Monitors.ListMonitorsAsync(page: 1, pageSize: 100, search: Search, ownership: OwnershipFilter.Own, projectId: Project),
            r => Assert.Equal(WebhookMethod.Post, r.Monitors[0].Webhook!.Method)) with
        {
            QueryValues = Values(("page", "1"), ("page_size", "100"), ("search", Search), ("ownership", "own"), ("project_id", G(Project))),
        };

        yield return Op(
            "createMonitor",
            c => c.Monitors.CreateMonitorWithResponseAsync(new CreateMonitorRequest { ReferenceJobId = Job, Schedule = "every day at 12 PM", Backfill = false, WebhookIds = [Webhook] }),
            c => c.Monitors.CreateMonitorAsync(new CreateMonitorRequest { ReferenceJobId = Job, Schedule = "every day at 12 PM", Backfill = false, WebhookIds = [Webhook] }),
            r => Assert.Equal(Monitor, r.MonitorId)) with
        {
            RequestJson = $$"""{"reference_job_id":"{{G(Job)}}","schedule":"every day at 12 PM","backfill":false,"webhook_ids":["{{G(Webhook)}}"]}""",
        };

        yield return Op(
            "pullMonitorResults",
            c => c.Monitors.PullMonitorResultsWithResponseAsync(Monitor),
            c => c.Monitors.PullMonitorResultsAsync(Monitor),
            r =>
            {
                var record = Assert.Single(r.AllRecords!);
                Assert.Equal(Job, record.Citations[0].JobId);
                Assert.Equal(new DateTimeOffset(2025, 11, 14, 21, 0, 0, TimeSpan.Zero), record.AddedOn);
            }) with
        {
            PathValues = Values(("monitor_id", G(Monitor))),
            ResponseJson = $$"""
                {"monitor_id":"{{G(Monitor)}}","cron_expression":"0 12 * * *","timezone":"UTC",
                 "reference_job":{"query":"q","context":"c"},
                 "run_info":{"first_run":"2025-10-23T12:00:00Z","last_run":"2025-11-07T12:00:00Z"},
                 "records":1,"status":"Done","limit":null,
                 "all_records":[{"record_id":"r1","record_title":"t","enrichment":{"enrichment_confidence":"low"},
                   "citations":[{"title":"a","link":"https://x.example/a","published_date":"2025-11-14T20:00:00Z","id":"8760624448e9815f9fb4abd114c75e76","job_id":"{{G(Job)}}","added_on":"2025-11-14T21:00:00Z"}],
                   "added_on":"2025-11-14T21:00:00Z","updated_on":"2025-11-14T21:00:00Z"}]}
                """,
        };

        yield return Op(
            "listMonitorJobs",
            c => c.Monitors.ListMonitorJobsWithResponseAsync(Monitor, sort: SortOrder.Desc),
            c => c.Monitors.ListMonitorJobsAsync(Monitor, sort: SortOrder.Desc),
            r =>
            {
                Assert.Equal(2, r.TotalJobs);
                Assert.Equal("desc", r.SortOrder.ToString());
            }) with
        {
            PathValues = Values(("monitor_id", G(Monitor))),
            QueryValues = Values(("sort", "desc")),
            ResponseJson = $$"""
                {"monitor_id":"{{G(Monitor)}}","sort_order":"desc","total_jobs":2,"jobs":[
                  {"job_id":"{{G(Job)}}","start_date":"2025-11-14T21:00:00Z","end_date":"2025-11-15T00:00:00Z"},
                  {"job_id":"{{G(Resource)}}","start_date":"2025-11-13T21:00:00","end_date":"2025-11-14T00:00:00"}]}
                """,
        };

        yield return Op(
            "getMonitorStatusHistory",
            c => c.Monitors.GetMonitorStatusHistoryWithResponseAsync(Monitor),
            c => c.Monitors.GetMonitorStatusHistoryAsync(Monitor),
            r =>
            {
                Assert.Equal(39, r.TotalStatuses);
                Assert.Null(r.Statuses![0].AdditionalInformation);
                Assert.Equal(408, r.Statuses[1].AdditionalInformation!["nb_existing_records"].GetInt32());
            }) with
        {
            PathValues = Values(("monitor_id", G(Monitor))),
        };

        yield return Op(
            "enableMonitor",
            c => c.Monitors.EnableMonitorWithResponseAsync(Monitor, new EnableMonitorRequest { Backfill = false }),
            c => c.Monitors.EnableMonitorAsync(Monitor, new EnableMonitorRequest { Backfill = false }),
            r => Assert.Equal(Monitor, r.MonitorId)) with
        {
            PathValues = Values(("monitor_id", G(Monitor))),
            RequestJson = """{"backfill":false}""",
            ResponseJson = $$"""{"success":true,"message":"Monitor enabled successfully.","monitor_id":"{{G(Monitor)}}"}""",
        };

        yield return Op(
            "disableMonitor",
            c => c.Monitors.DisableMonitorWithResponseAsync(Monitor),
            c => c.Monitors.DisableMonitorAsync(Monitor),
            r => Assert.True(r.Success)) with
        {
            PathValues = Values(("monitor_id", G(Monitor))),
            ResponseJson = $$"""{"success":true,"message":"Monitor disabled successfully.","monitor_id":"{{G(Monitor)}}"}""",
        };

        yield return Op(
            "updateMonitor",
            c => c.Monitors.UpdateMonitorWithResponseAsync(Monitor, new UpdateMonitorRequest { WebhookIds = new List<Guid>() }),
            c => c.Monitors.UpdateMonitorAsync(Monitor, new UpdateMonitorRequest { WebhookIds = new List<Guid>() }),
            r => Assert.Equal("Monitor updated Successfully", r.Status)) with
        {
            PathValues = Values(("monitor_id", G(Monitor))),
            RequestJson = """{"webhook_ids":[]}""",
        };

        yield return Op(
            "deleteMonitor",
            c => c.Monitors.DeleteMonitorWithResponseAsync(Monitor),
            c => c.Monitors.DeleteMonitorAsync(Monitor),
            r => Assert.Equal(Monitor, r.MonitorId)) with
        {
            PathValues = Values(("monitor_id", G(Monitor))),
        };

        // Webhooks
        yield return Op(
            "createWebhook",
            c => c.Webhooks.CreateWebhookWithResponseAsync(WebhookBody()),
            c => c.Webhooks.CreateWebhookAsync(WebhookBody()),
            r =>
            {
                Assert.Equal(WebhookType.Slack, r.Webhook!.Type);
                Assert.Null(r.Webhook.FormatterConfig);
            }) with
        {
            RequestJson = """{"name":"Layoffs Alert","url":"https://hooks.example.com/h","type":"custom","delivery_mode":"per_record","method":"PUT","headers":{"X-Team":"research"},"auth":{"type":"api_key","header":"x-hook-key","value":"k"},"formatter_config":{"template":"{{title}}"}}""",
        };

        yield return Op(
            "listWebhooks",
            c => c.Webhooks.ListWebhooksWithResponseAsync(page: 2, pageSize: 500, search: Search),
            c => c.Webhooks.ListWebhooksAsync(page: 2, pageSize: 500, search: Search),
            r => Assert.Equal("Bearer token123", r.Webhooks[1].Headers!["Authorization"])) with
        {
            QueryValues = Values(("page", "2"), ("page_size", "500"), ("search", Search)),
        };

        yield return Op(
            "getWebhook",
            c => c.Webhooks.GetWebhookWithResponseAsync(Webhook),
            c => c.Webhooks.GetWebhookAsync(Webhook),
            r => Assert.Equal(DeliveryMode.Full, r.Webhook!.DeliveryMode)) with
        {
            PathValues = Values(("webhook_id", G(Webhook))),
        };

        yield return Op(
            "updateWebhook",
            c => c.Webhooks.UpdateWebhookWithResponseAsync(Webhook, new UpdateWebhookRequest { IsActive = false, FormatterConfig = null }),
            c => c.Webhooks.UpdateWebhookAsync(Webhook, new UpdateWebhookRequest { IsActive = false, FormatterConfig = null }),
            r => Assert.Equal("Layoffs Alert (EU)", r.Webhook!.Name)) with
        {
            PathValues = Values(("webhook_id", G(Webhook))),
            RequestJson = """{"formatter_config":null,"is_active":false}""",
        };

        yield return NoContent(
            "deleteWebhook",
            c => c.Webhooks.DeleteWebhookWithResponseAsync(Webhook),
            c => c.Webhooks.DeleteWebhookAsync(Webhook)) with
        {
            PathValues = Values(("webhook_id", G(Webhook))),
        };

        yield return Op(
            "testWebhook",
            c => c.Webhooks.TestWebhookWithResponseAsync(Webhook, TestBody()),
            c => c.Webhooks.TestWebhookAsync(Webhook, TestBody()),
            r =>
            {
                Assert.Equal(200, r.HttpStatusCode);
                Assert.Equal("ok", r.ResponseBody!.Value.GetString());
            }) with
        {
            PathValues = Values(("webhook_id", G(Webhook))),
            RequestJson = """{"payload":{"test":true,"message":"CatchAll webhook test"}}""",
        };

        yield return Op(
            "assignWebhookResource",
            c => c.Webhooks.AssignWebhookResourceWithResponseAsync(Webhook, new AssignWebhookResourceRequest { ResourceType = MappableResourceType.MonitorGroup, ResourceId = Resource }),
            c => c.Webhooks.AssignWebhookResourceAsync(Webhook, new AssignWebhookResourceRequest { ResourceType = MappableResourceType.MonitorGroup, ResourceId = Resource }),
            r => Assert.Equal(Resource, r.Mapping!.ResourceId)) with
        {
            PathValues = Values(("webhook_id", G(Webhook))),
            RequestJson = $$"""{"resource_type":"monitor_group","resource_id":"{{G(Resource)}}"}""",
        };

        yield return Op(
            "listWebhookResources",
            c => c.Webhooks.ListWebhookResourcesWithResponseAsync(Webhook, resourceType: MappableResourceType.Job, page: 1, pageSize: 20),
            c => c.Webhooks.ListWebhookResourcesAsync(Webhook, resourceType: MappableResourceType.Job, page: 1, pageSize: 20),
            r => Assert.Equal(new DateTimeOffset(2026, 5, 18, 10, 0, 0, TimeSpan.Zero), r.Resources[0].AssignedAt)) with
        {
            PathValues = Values(("webhook_id", G(Webhook))),
            QueryValues = Values(("resource_type", "job"), ("page", "1"), ("page_size", "20")),
        };

        yield return NoContent(
            "removeWebhookResource",
            c => c.Webhooks.RemoveWebhookResourceWithResponseAsync(Webhook, MappableResourceType.MonitorGroup, Resource),
            c => c.Webhooks.RemoveWebhookResourceAsync(Webhook, MappableResourceType.MonitorGroup, Resource)) with
        {
            PathValues = Values(("webhook_id", G(Webhook)), ("resource_type", "monitor_group"), ("resource_id", G(Resource))),
        };

        yield return Op(
            "listWebhooksForResource",
            c => c.Webhooks.ListWebhooksForResourceWithResponseAsync(MappableResourceType.Monitor, Resource, isActive: false, page: 4, pageSize: 5),
            c => c.Webhooks.ListWebhooksForResourceAsync(MappableResourceType.Monitor, Resource, isActive: false, page: 4, pageSize: 5),
            r => Assert.Single(r.Webhooks)) with
        {
            PathValues = Values(("resource_type", "monitor"), ("resource_id", G(Resource))),
            QueryValues = Values(("is_active", "false"), ("page", "4"), ("page_size", "5")),
        };

        yield return Op(
            "getWebhookDeliveryHistory",
            c => c.Webhooks.GetWebhookDeliveryHistoryWithResponseAsync(MappableResourceType.Monitor, Resource, page: 1, pageSize: 50),
            c => c.Webhooks.GetWebhookDeliveryHistoryAsync(MappableResourceType.Monitor, Resource, page: 1, pageSize: 50),
            r =>
            {
                Assert.Equal(DeliveryStatus.Failed, r.Items[1].DeliveryStatus);
                Assert.Equal("Service unavailable", r.Items[1].ErrorMessage);
                Assert.Equal(42, r.Items[0].Id);
            }) with
        {
            QueryValues = Values(("resource_type", "monitor"), ("resource_id", G(Resource)), ("page", "1"), ("page_size", "50")),
        };

        // Entities
        yield return Op(
            "listEntities",
            c => c.Entities.ListEntitiesWithResponseAsync(page: 1, pageSize: 10, search: Search, status: EntityStatus.Failed, entityType: EntityType.Person, sortBy: EntitySortBy.Name, sortOrder: SortOrder.Asc),
            c => c.Entities.ListEntitiesAsync(page: 1, pageSize: 10, search: Search, status: EntityStatus.Failed, entityType: EntityType.Person, sortBy: EntitySortBy.Name, sortOrder: SortOrder.Asc),
            r =>
            {
                Assert.Equal(EntityType.Person, r.Entities[0].EntityType);
                Assert.Equal(new DateTimeOffset(2026, 4, 8, 15, 21, 17, TimeSpan.Zero), r.Entities[0].CreatedAt);
            }) with
        {
            QueryValues = Values(("page", "1"), ("page_size", "10"), ("search", Search), ("status", "failed"), ("entity_type", "person"), ("sort_by", "name"), ("sort_order", "asc")),
            ResponseJson = $$"""
                {"entities":[{"id":"{{G(Entity)}}","entity_type":"person","organization_id":"e5d9e9b0-e415-4941-8ef0-916c5ee56207","name":"Ada","description":null,
                  "status":"failed","created_by_user_id":"870e258e-12ec-4a47-8656-e7a43b0265b3","created_at":"2026-04-08T15:21:17","updated_at":"2026-04-08T15:21:18.248316"}],
                 "total":1,"page":1,"page_size":10}
                """,
        };

        yield return Op(
            "createEntity",
            c => c.Entities.CreateEntityWithResponseAsync(EntityBody("NewsCatcher", "newscatcherapi.com")),
            c => c.Entities.CreateEntityAsync(EntityBody("NewsCatcher", "newscatcherapi.com")),
            r => Assert.Equal("pending", r.Status)) with
        {
            RequestJson = """{"name":"NewsCatcher","entity_type":"company","additional_attributes":{"company_attributes":{"domain":"newscatcherapi.com","key_persons":["Artem Bugara"]}}}""",
        };

        yield return Op(
            "createEntitiesBatch",
            c => c.Entities.CreateEntitiesBatchWithResponseAsync(new CreateEntitiesBatchRequest { Entities = [EntityBody("OpenAI", "openai.com"), new CreateEntityRequest { Name = "Stripe" }] }),
            c => c.Entities.CreateEntitiesBatchAsync(new CreateEntitiesBatchRequest { Entities = [EntityBody("OpenAI", "openai.com"), new CreateEntityRequest { Name = "Stripe" }] }),
            r => Assert.Equal(2, r.Count)) with
        {
            RequestJson = """{"entities":[{"name":"OpenAI","entity_type":"company","additional_attributes":{"company_attributes":{"domain":"openai.com","key_persons":["Artem Bugara"]}}},{"name":"Stripe"}]}""",
        };

        yield return Op(
            "getEntity",
            c => c.Entities.GetEntityWithResponseAsync(Entity),
            c => c.Entities.GetEntityAsync(Entity),
            r => Assert.Equal("newscatcherapi.com", r.AdditionalAttributes!.CompanyAttributes!.Domain)) with
        {
            PathValues = Values(("entity_id", G(Entity))),
        };

        yield return Op(
            "updateEntity",
            c => c.Entities.UpdateEntityWithResponseAsync(Entity, new UpdateEntityRequest { Description = "Updated description" }),
            c => c.Entities.UpdateEntityAsync(Entity, new UpdateEntityRequest { Description = "Updated description" }),
            r => Assert.Equal(EntityStatus.Ready, r.Status)) with
        {
            PathValues = Values(("entity_id", G(Entity))),
            RequestJson = """{"description":"Updated description"}""",
        };

        yield return NoContent(
            "deleteEntity",
            c => c.Entities.DeleteEntityWithResponseAsync(Entity),
            c => c.Entities.DeleteEntityAsync(Entity)) with
        {
            PathValues = Values(("entity_id", G(Entity))),
        };

        // Datasets
        yield return Op(
            "listDatasets",
            c => c.Datasets.ListDatasetsWithResponseAsync(page: 2, pageSize: 25, search: Search, latestStatus: DatasetStatus.Enriching, sortBy: DatasetSortBy.Status, sortOrder: SortOrder.Desc, ownership: OwnershipFilter.All, projectId: Project),
            c => c.Datasets.ListDatasetsAsync(page: 2, pageSize: 25, search: Search, latestStatus: DatasetStatus.Enriching, sortBy: DatasetSortBy.Status, sortOrder: SortOrder.Desc, ownership: OwnershipFilter.All, projectId: Project),
            r => Assert.Equal(DatasetStatus.Enriching, r.Datasets[0].LatestStatus)) with
        {
            QueryValues = Values(("page", "2"), ("page_size", "25"), ("search", Search), ("latest_status", "enriching"), ("sort_by", "status"), ("sort_order", "desc"), ("ownership", "all"), ("project_id", G(Project))),
            ResponseJson = $$"""
                {"datasets":[{"id":"{{G(Dataset)}}","organization_id":"e5d9e9b0-e415-4941-8ef0-916c5ee56207","name":"My Portfolio","description":null,
                  "entity_count":4,"latest_status":"enriching","created_by_user_id":"870e258e-12ec-4a47-8656-e7a43b0265b3","created_at":"2026-04-08T15:21:36.026993","updated_at":"2026-04-08T15:21:36.027001"}],
                 "total":26,"page":2,"page_size":25}
                """,
        };

        yield return Op(
            "createDataset",
            c => c.Datasets.CreateDatasetWithResponseAsync(new CreateDatasetRequest { Name = "My Portfolio", EntityIds = [Entity, Webhook] }),
            c => c.Datasets.CreateDatasetAsync(new CreateDatasetRequest { Name = "My Portfolio", EntityIds = [Entity, Webhook] }),
            r => Assert.Equal(4, r.EntityCount)) with
        {
            RequestJson = $$"""{"name":"My Portfolio","entity_ids":["{{G(Entity)}}","{{G(Webhook)}}"]}""",
        };

        yield return Op(
            "createDatasetFromCsv",
            c => c.Datasets.CreateDatasetFromCsvWithResponseAsync(Csv(), "entities.csv", "My Portfolio", "Q1 watchlist"),
            c => c.Datasets.CreateDatasetFromCsvAsync(Csv(), "entities.csv", "My Portfolio", "Q1 watchlist"),
            r =>
            {
                Assert.Equal(3, r.EntitiesCreated);
                Assert.Equal("missing required field: name", r.ValidationReport.SkippedRows[0].Reason);
            }) with
        {
            CheckMultipart = parts =>
            {
                Assert.Equal(new[] { "description", "file", "name" }, parts.Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
                var file = parts.Single(p => p.Name == "file");
                Assert.Equal("entities.csv", file.FileName);
                Assert.Equal("text/csv", file.ContentType);
                Assert.Equal(CsvText, file.Text);
                Assert.Equal("My Portfolio", parts.Single(p => p.Name == "name").Text);
                Assert.Equal("Q1 watchlist", parts.Single(p => p.Name == "description").Text);
                Assert.Null(parts.Single(p => p.Name == "name").FileName);
            },
        };

        yield return Op(
            "getDataset",
            c => c.Datasets.GetDatasetWithResponseAsync(Dataset),
            c => c.Datasets.GetDatasetAsync(Dataset),
            r => Assert.Equal(Dataset, r.Id)) with
        {
            PathValues = Values(("dataset_id", G(Dataset))),
        };

        yield return Op(
            "updateDataset",
            c => c.Datasets.UpdateDatasetWithResponseAsync(Dataset, new UpdateDatasetRequest { Name = "My Portfolio (updated)" }),
            c => c.Datasets.UpdateDatasetAsync(Dataset, new UpdateDatasetRequest { Name = "My Portfolio (updated)" }),
            r => Assert.Equal(DatasetStatus.Ready, r.LatestStatus)) with
        {
            PathValues = Values(("dataset_id", G(Dataset))),
            RequestJson = """{"name":"My Portfolio (updated)"}""",
        };

        yield return NoContent(
            "deleteDataset",
            c => c.Datasets.DeleteDatasetWithResponseAsync(Dataset),
            c => c.Datasets.DeleteDatasetAsync(Dataset)) with
        {
            PathValues = Values(("dataset_id", G(Dataset))),
        };

        yield return Op(
            "addEntitiesToDataset",
            c => c.Datasets.AddEntitiesToDatasetWithResponseAsync(Dataset, new DatasetEntityIdsRequest { EntityIds = [Entity] }),
            c => c.Datasets.AddEntitiesToDatasetAsync(Dataset, new DatasetEntityIdsRequest { EntityIds = [Entity] }),
            r => Assert.Equal(1, r.AffectedCount)) with
        {
            PathValues = Values(("dataset_id", G(Dataset))),
            RequestJson = $$"""{"entity_ids":["{{G(Entity)}}"]}""",
        };

        yield return Op(
            "removeEntitiesFromDataset",
            c => c.Datasets.RemoveEntitiesFromDatasetWithResponseAsync(Dataset, new DatasetEntityIdsRequest { EntityIds = [Entity, Resource] }),
            c => c.Datasets.RemoveEntitiesFromDatasetAsync(Dataset, new DatasetEntityIdsRequest { EntityIds = [Entity, Resource] }),
            r => Assert.Equal(Dataset, r.DatasetId)) with
        {
            PathValues = Values(("dataset_id", G(Dataset))),
            RequestJson = $$"""{"entity_ids":["{{G(Entity)}}","{{G(Resource)}}"]}""",
        };

        yield return Op(
            "listEntitiesInDataset",
            c => c.Datasets.ListEntitiesInDatasetWithResponseAsync(Dataset, new ListDatasetEntitiesRequest { Page = 2, Status = EntityStatus.Ready, SortOrder = SortOrder.Asc }),
            c => c.Datasets.ListEntitiesInDatasetAsync(Dataset, new ListDatasetEntitiesRequest { Page = 2, Status = EntityStatus.Ready, SortOrder = SortOrder.Asc }),
            r =>
            {
                Assert.Equal("newscatcherapi.com", r.Entities[0].Attributes!.Domain);
                Assert.Null(r.Entities[0].Attributes!.KeyPersons);
            }) with
        {
            PathValues = Values(("dataset_id", G(Dataset))),
            RequestJson = """{"page":2,"status":"ready","sort_order":"asc"}""",
            ResponseJson = $$"""
                {"entities":[{"id":"{{G(Entity)}}","name":"NewsCatcher","entity_type":"company","status":"ready","description":"d",
                  "attributes":{"domain":"newscatcherapi.com","description":null,"key_persons":null,"alternative_names":["NC"]} }],
                 "total":4,"page":2,"page_size":100}
                """,
        };

        yield return Op(
            "getDatasetStatusHistory",
            c => c.Datasets.GetDatasetStatusHistoryWithResponseAsync(Dataset),
            c => c.Datasets.GetDatasetStatusHistoryAsync(Dataset),
            r => Assert.Equal(DatasetStatus.Ready, r.History[2].Status)) with
        {
            PathValues = Values(("dataset_id", G(Dataset))),
        };

        yield return Op(
            "uploadCSVToDataset",
            c => c.Datasets.UploadCsvToDatasetWithResponseAsync(Dataset, Csv(), "more entities.csv"),
            c => c.Datasets.UploadCsvToDatasetAsync(Dataset, Csv(), "more entities.csv"),
            r => Assert.Empty(r.ValidationReport.SkippedRows)) with
        {
            PathValues = Values(("dataset_id", G(Dataset))),
            CheckMultipart = parts =>
            {
                var file = Assert.Single(parts);
                Assert.Equal("file", file.Name);
                Assert.Equal("more entities.csv", file.FileName);
                Assert.Equal(CsvText, file.Text);
            },
        };

        // Projects
        yield return Op(
            "createProject",
            c => c.Projects.CreateProjectWithResponseAsync(new CreateProjectRequest { Name = "AI M&A Tracking" }),
            c => c.Projects.CreateProjectAsync(new CreateProjectRequest { Name = "AI M&A Tracking" }),
            r => Assert.Equal(Project, r.ProjectId)) with
        {
            RequestJson = """{"name":"AI M&A Tracking"}""",
        };

        yield return Op(
            "listProjects",
            c => c.Projects.ListProjectsWithResponseAsync(page: 1, pageSize: 1000, search: Search, ownership: OwnershipFilter.Shared),
            c => c.Projects.ListProjectsAsync(page: 1, pageSize: 1000, search: Search, ownership: OwnershipFilter.Shared),
            r => Assert.Equal(4, r.Projects[0].ResourcesCount)) with
        {
            QueryValues = Values(("page", "1"), ("page_size", "1000"), ("search", Search), ("ownership", "shared")),
        };

        yield return Op(
            "getProject",
            c => c.Projects.GetProjectWithResponseAsync(Project),
            c => c.Projects.GetProjectAsync(Project),
            r => Assert.Equal("AI M&A Tracking", r.Name)) with
        {
            PathValues = Values(("project_id", G(Project))),
        };

        yield return Op(
            "updateProject",
            c => c.Projects.UpdateProjectWithResponseAsync(Project, new UpdateProjectRequest { Name = "AI M&A Tracking (Q2)", Description = "" }),
            c => c.Projects.UpdateProjectAsync(Project, new UpdateProjectRequest { Name = "AI M&A Tracking (Q2)", Description = "" }),
            r => Assert.True(r.Success)) with
        {
            PathValues = Values(("project_id", G(Project))),
            RequestJson = """{"name":"AI M&A Tracking (Q2)","description":""}""",
        };

        yield return NoContent(
            "deleteProject",
            c => c.Projects.DeleteProjectWithResponseAsync(Project, deleteResources: true),
            c => c.Projects.DeleteProjectAsync(Project, deleteResources: true)) with
        {
            PathValues = Values(("project_id", G(Project))),
            QueryValues = Values(("delete_resources", "true")),
        };

        yield return Op(
            "getProjectOverview",
            c => c.Projects.GetProjectOverviewWithResponseAsync(Project),
            c => c.Projects.GetProjectOverviewAsync(Project),
            r => Assert.Equal(2, r.Overview.Datasets.AdditionalProperties["total"].GetInt32())) with
        {
            PathValues = Values(("project_id", G(Project))),
        };

        yield return Op(
            "addResourceToProject",
            c => c.Projects.AddResourceToProjectWithResponseAsync(Project, ResourcesBody()),
            c => c.Projects.AddResourceToProjectAsync(Project, ResourcesBody()),
            r => Assert.False(r.Results[0].AlreadyExists)) with
        {
            PathValues = Values(("project_id", G(Project))),
            RequestJson = $$"""{"resources":[{"resource_type":"job","resource_id":"{{G(Job)}}"},{"resource_type":"dataset","resource_id":"{{G(Dataset)}}"}]}""",
            Status = 201,
        };

        yield return Op(
            "listProjectResources",
            c => c.Projects.ListProjectResourcesWithResponseAsync(Project, resourceType: ProjectResourceType.MonitorGroup, page: 1, pageSize: 100),
            c => c.Projects.ListProjectResourcesAsync(Project, resourceType: ProjectResourceType.MonitorGroup, page: 1, pageSize: 100),
            r => Assert.Equal(ProjectResourceType.Job, r.Resources[0].ResourceType)) with
        {
            PathValues = Values(("project_id", G(Project))),
            QueryValues = Values(("resource_type", "monitor_group"), ("page", "1"), ("page_size", "100")),
        };

        yield return Op(
            "removeResourceFromProject",
            c => c.Projects.RemoveResourceFromProjectWithResponseAsync(Project, ProjectResourceType.Dataset, Dataset),
            c => c.Projects.RemoveResourceFromProjectAsync(Project, ProjectResourceType.Dataset, Dataset),
            r => Assert.True(r.Success)) with
        {
            PathValues = Values(("project_id", G(Project)), ("resource_type", "dataset"), ("resource_id", G(Dataset))),
        };

        // Meta
        yield return Op(
            "healthCheck",
            c => c.Meta.HealthCheckWithResponseAsync(),
            c => c.Meta.HealthCheckAsync(),
            r => Assert.True(r.Healthy)) with
        {
            ResponseJson = """{"healthy":true}""",
        };

        yield return Op(
            "getVersion",
            c => c.Meta.GetVersionWithResponseAsync(),
            c => c.Meta.GetVersionAsync(),
            r => Assert.Equal("1.3.1", r.Version)) with
        {
            ResponseJson = """{"version":"1.3.1"}""",
        };

        yield return Op(
            "getPlanLimits",
            c => c.Meta.GetPlanLimitsWithResponseAsync(),
            c => c.Meta.GetPlanLimitsAsync(),
            r =>
            {
                Assert.Equal(JsonValueKind.Number, r.Features[0].Value!.Value.ValueKind);
                Assert.Equal(100000, r.Features[1].Value!.Value.GetInt32());
                Assert.Equal(1.0, r.Features[0].CurrentUsage);
            });
    }

    private static SubmitRequest SubmitBody() => new()
    {
        Query = "Series B funding rounds",
        StartDate = new DateTimeOffset(2026, 2, 18, 0, 0, 0, TimeSpan.Zero),
        Limit = 25,
        Mode = Mode.Lite,
        WebhookIds = [Webhook],
    };

    private static CreateWebhookRequest WebhookBody() => new()
    {
        Name = "Layoffs Alert",
        Url = "https://hooks.example.com/h",
        Type = WebhookType.Custom,
        DeliveryMode = DeliveryMode.PerRecord,
        Method = CatchAll.Models.WebhookHttpMethod.Put,
        Headers = new Dictionary<string, string> { ["X-Team"] = "research" },
        Auth = new ApiKeyAuth { Header = "x-hook-key", Value = "k" },
        FormatterConfig = new Dictionary<string, JsonElement> { ["template"] = JsonDocument.Parse("\"{{title}}\"").RootElement },
    };

    private static TestWebhookRequest TestBody() => new()
    {
        Payload = new Dictionary<string, JsonElement>
        {
            ["test"] = JsonDocument.Parse("true").RootElement,
            ["message"] = JsonDocument.Parse("\"CatchAll webhook test\"").RootElement,
        },
    };

    private static CreateEntityRequest EntityBody(string name, string domain) => new()
    {
        Name = name,
        EntityType = EntityType.Company,
        AdditionalAttributes = new AdditionalAttributes { CompanyAttributes = new CompanyAttributes { Domain = domain, KeyPersons = ["Artem Bugara"] } },
    };

    private static AddResourceRequest ResourcesBody() => new()
    {
        Resources =
        [
            new ResourceItem { ResourceType = ProjectResourceType.Job, ResourceId = Job },
            new ResourceItem { ResourceType = ProjectResourceType.Dataset, ResourceId = Dataset },
        ],
    };
}
