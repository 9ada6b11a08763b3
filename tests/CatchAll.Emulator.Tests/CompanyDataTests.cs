using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace CatchAll.Emulator.Tests;

public sealed class CompanyDataTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Entities_support_crud_filters_and_batches()
    {
        await using var emulator = await EmulatorFixtures.StartFastAsync();
        var api = new Api(emulator.CreateClient());

        var created = await api.PostAsync("/catchAll/entities", """
            {"name":"Quartzbay Robotics","description":"Warehouse robots","additional_attributes":{"company_attributes":{"domain":"quartzbay.example","alternative_names":["Quartzbay"],"key_persons":["Ilya Thorne"]}}}
            """);
        var id = created.Str("id");
        var batch = await api.PostAsync("/catchAll/entities/batch", """{"entities":[{"name":"Lumenvale Pay"},{"name":"Ada Ravensworth","entity_type":"person"}]}""");
        var emptyBatch = await api.PostAsync("/catchAll/entities/batch", """{"entities":[]}""");
        var fetched = await api.GetAsync($"/catchAll/entities/{id}");
        var patched = await api.PatchAsync($"/catchAll/entities/{id}", """{"description":"Autonomous warehouse robots"}""");
        var badPatch = await api.PatchAsync($"/catchAll/entities/{id}", """{"name":""}""");
        var people = await api.GetAsync("/catchAll/entities?entity_type=person");
        var byName = await api.GetAsync("/catchAll/entities?sort_by=name&sort_order=asc");
        var searched = await api.GetAsync("/catchAll/entities?search=lumen");
        var ready = await Api.EventuallyAsync(() => api.GetAsync($"/catchAll/entities/{id}"), r => r.Str("status") == "ready", Wait, "entity enrichment");
        var deleted = await api.DeleteAsync($"/catchAll/entities/{id}");

        Assert.Equal("pending", created.Str("status"));
        Assert.Equal(2, batch.Int("count"));
        Assert.Equal(400, emptyBatch.Code);
        Assert.Equal(400, emptyBatch.Int("status_code"));
        Assert.Equal("company", fetched.Str("entity_type"));
        Assert.Equal("quartzbay.example", fetched.Body.GetProperty("additional_attributes").GetProperty("company_attributes").GetProperty("domain").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$", fetched.Str("created_at"));
        Assert.Equal("Autonomous warehouse robots", patched.Str("description"));
        Assert.Equal(400, badPatch.Code);
        Assert.Equal(1, people.Int("total"));
        Assert.Equal(new[] { "Ada Ravensworth", "Lumenvale Pay", "Quartzbay Robotics" }, byName.Body.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.Equal(1, searched.Int("total"));
        Assert.Equal("ready", ready.Str("status"));
        Assert.Equal(204, deleted.Code);
        Assert.Equal(404, (await api.GetAsync($"/catchAll/entities/{id}")).Code);
    }

    [Fact]
    public async Task Csv_upload_creates_a_dataset_reports_skipped_rows_and_reaches_ready()
    {
        await using var emulator = await EmulatorFixtures.StartFastAsync();
        var api = new Api(emulator.CreateClient());
        const string csv = "name,description,domain,alternative_names,key_persons\r\n"
            + "Harborlight Energy,\"Grid storage, batteries\",harborlight.example,\"HLE;Harborlight\",\"Mateo Szabo;Wen Quist\"\r\n"
            + ",Nameless row,nameless.example,,\r\n"
            + "Fablewood Foods,Plant-based snacks,fablewood.example,,\r\n"
            + "broken,row\r\n";

        var upload = await api.SendAsync(Multipart("/catchAll/datasets/upload", csv, name: "Portfolio Q1", description: "Seed-stage bets"));
        var datasetId = upload.Str("dataset_id");
        var report = upload.Body.GetProperty("validation_report");
        var missingName = await api.SendAsync(Multipart("/catchAll/datasets/upload", csv, name: null));
        var badHeader = await api.SendAsync(Multipart("/catchAll/datasets/upload", "company,site\r\nA,a.example\r\n", name: "x"));
        var entities = await api.PostAsync($"/catchAll/datasets/{datasetId}/entities/list", """{"sort_by":"name","sort_order":"asc"}""");
        var dataset = await Api.EventuallyAsync(() => api.GetAsync($"/catchAll/datasets/{datasetId}"), r => r.Str("latest_status") == "ready", Wait, "dataset ready");
        var history = await api.GetAsync($"/catchAll/datasets/{datasetId}/status");
        var appended = await api.SendAsync(Multipart($"/catchAll/datasets/{datasetId}/upload", "name,domain\r\nNimbusly Cloud,nimbusly.example\r\n", name: null));
        var afterAppend = await api.GetAsync($"/catchAll/datasets/{datasetId}");

        Assert.Equal(200, upload.Code);
        Assert.Equal("Portfolio Q1", upload.Str("dataset_name"));
        Assert.Equal(2, upload.Int("entities_created"));
        Assert.Equal(4, report.GetProperty("total_rows").GetInt32());
        Assert.Equal(2, report.GetProperty("valid_rows").GetInt32());
        Assert.Equal(2, report.GetProperty("skipped_count").GetInt32());
        var skipped = report.GetProperty("skipped_rows");
        Assert.Equal(3, skipped[0].GetProperty("row").GetInt32());
        Assert.Contains("name", skipped[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(5, skipped[1].GetProperty("row").GetInt32());
        Assert.Equal(422, missingName.Code);
        Assert.Equal(422, badHeader.Code);
        Assert.Equal(2, entities.Int("total"));
        var first = entities.Body.GetProperty("entities")[0];
        Assert.Equal("Fablewood Foods", first.GetProperty("name").GetString());
        var harbor = entities.Body.GetProperty("entities")[1].GetProperty("attributes");
        Assert.Equal(new[] { "HLE", "Harborlight" }, harbor.GetProperty("alternative_names").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(2, dataset.Int("entity_count"));
        Assert.Equal(new[] { "pending", "enriching", "ready" }, history.Body.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()));
        Assert.Equal(1, appended.Int("entities_created"));
        Assert.Equal(3, afterAppend.Int("entity_count"));
    }

    [Fact]
    public async Task Datasets_support_crud_entity_membership_and_filters()
    {
        await using var emulator = await EmulatorFixtures.StartFastAsync();
        var api = new Api(emulator.CreateClient());
        var a = (await api.PostAsync("/catchAll/entities", """{"name":"Cobalt Reef Bio"}""")).Str("id");
        var b = (await api.PostAsync("/catchAll/entities", """{"name":"Tidalspan Motors"}""")).Str("id");

        var unknownEntity = await api.PostAsync("/catchAll/datasets", $$"""{"name":"x","entity_ids":["{{Guid.NewGuid()}}"]}""");
        var noName = await api.PostAsync("/catchAll/datasets", """{"name":""}""");
        var created = await api.PostAsync("/catchAll/datasets", $$"""{"name":"Watchlist","description":"d","entity_ids":["{{a}}"]}""");
        var id = created.Str("id");
        var added = await api.PostAsync($"/catchAll/datasets/{id}/entities", $$"""{"entity_ids":["{{a}}","{{b}}"]}""");
        var removed = await api.DeleteAsync($"/catchAll/datasets/{id}/entities", $$"""{"entity_ids":["{{a}}"]}""");
        var renamed = await api.PatchAsync($"/catchAll/datasets/{id}", """{"name":"Watchlist 2"}""");
        var listed = await api.GetAsync("/catchAll/datasets?search=watch&sort_by=name");
        var shared = await api.GetAsync("/catchAll/datasets?ownership=shared");
        var badStatus = await api.GetAsync("/catchAll/datasets?latest_status=bogus");
        var deleted = await api.DeleteAsync($"/catchAll/datasets/{id}");

        Assert.Equal(400, unknownEntity.Code);
        Assert.Equal(JsonValueKind.String, unknownEntity.Body.GetProperty("detail").ValueKind);
        Assert.Equal(422, noName.Code);
        Assert.Equal(1, created.Int("entity_count"));
        Assert.Equal(1, added.Int("affected_count"));
        Assert.Equal(1, removed.Int("affected_count"));
        Assert.Equal("Watchlist 2", renamed.Str("name"));
        Assert.Equal(1, listed.Int("total"));
        Assert.Equal(0, shared.Int("total"));
        Assert.Equal(422, badStatus.Code);
        Assert.Equal(204, deleted.Code);
        Assert.Equal(404, (await api.GetAsync($"/catchAll/datasets/{id}/status")).Code);
    }

    [Fact]
    public async Task Watchlist_jobs_return_connected_entities_from_the_dataset()
    {
        // Enrichment slow enough that the dataset cannot be ready before the clock is jumped on purpose.
        await using var emulator = await CatchAllEmulator.StartAsync(new EmulatorOptions { TimeScale = 0.0005, EntityEnrichingDuration = TimeSpan.FromDays(30) });
        var api = new Api(emulator.CreateClient());
        var entity = (await api.PostAsync("/catchAll/entities", """{"name":"Meridian Fox Logistics","additional_attributes":{"company_attributes":{"domain":"meridianfox.example"}}}""")).Str("id");
        var datasetId = (await api.PostAsync("/catchAll/datasets", $$"""{"name":"Carriers","entity_ids":["{{entity}}"]}""")).Str("id");

        var notReady = await api.PostAsync("/catchAll/submit", $$"""{"query":"Expansion of logistics companies","connected_dataset_ids":["{{datasetId}}"]}""");
        var enriching = await api.GetAsync($"/catchAll/datasets/{datasetId}");
        emulator.Clock.Advance(TimeSpan.FromDays(31));
        var ready = await api.GetAsync($"/catchAll/datasets/{datasetId}");
        var unknown = await api.PostAsync("/catchAll/submit", $$"""{"query":"Expansion","connected_dataset_ids":["{{Guid.NewGuid()}}"]}""");
        var jobId = (await api.PostAsync("/catchAll/submit", $$"""{"query":"News about our carriers","connected_dataset_ids":["{{datasetId}}"],"fetch_all_watchlist_news":true,"ed_score_min":3}""")).Str("job_id");
        await Api.EventuallyAsync(() => api.GetAsync($"/catchAll/status/{jobId}"), r => r.Str("status") == "completed", Wait, "watchlist job");
        var pull = await api.GetAsync($"/catchAll/pull/{jobId}");

        Assert.Equal(400, notReady.Code);
        Assert.NotEqual("ready", enriching.Str("latest_status"));
        Assert.Equal("ready", ready.Str("latest_status"));
        Assert.Equal(400, unknown.Code);
        Assert.True(pull.Body.GetProperty("all_records").GetArrayLength() > 0);
        foreach (var record in pull.Body.GetProperty("all_records").EnumerateArray())
        {
            var connected = record.GetProperty("connected_entities");
            Assert.Equal(1, connected.GetArrayLength());
            Assert.Equal(entity, connected[0].GetProperty("entity_id").GetString());
            Assert.Equal("Meridian Fox Logistics", connected[0].GetProperty("name").GetString());
            Assert.InRange(connected[0].GetProperty("ed_score").GetInt32(), 3, 10);
            Assert.Contains(connected[0].GetProperty("association_type").GetString(), new[] { "event_associated", "mention" });
            Assert.Equal("meridianfox.example", connected[0].GetProperty("company").GetProperty("domain").GetString());
        }
    }

    [Fact]
    public async Task Projects_group_resources_and_report_counts()
    {
        await using var emulator = await EmulatorFixtures.StartFastAsync();
        var api = new Api(emulator.CreateClient());
        var created = await api.PostAsync("/catchAll/projects", """{"name":"AI M&A","description":"deal flow"}""");
        var projectId = created.Str("project_id");
        var jobId = (await api.PostAsync("/catchAll/submit", $$"""{"query":"Acquisitions of AI startups","project_id":"{{projectId}}"}""")).Str("job_id");
        var datasetId = (await api.PostAsync("/catchAll/datasets", """{"name":"Targets"}""")).Str("id");
        var ghost = Guid.NewGuid();

        var add = await api.PostAsync($"/catchAll/projects/{projectId}/resources", $$"""{"resources":[{"resource_type":"dataset","resource_id":"{{datasetId}}"},{"resource_type":"job","resource_id":"{{jobId}}"},{"resource_type":"monitor","resource_id":"{{ghost}}"}]}""");
        var addAgain = await api.PostAsync($"/catchAll/projects/{projectId}/resources", $$"""{"resources":[{"resource_type":"dataset","resource_id":"{{datasetId}}"}]}""");
        var resources = await api.GetAsync($"/catchAll/projects/{projectId}/resources");
        var onlyJobs = await api.GetAsync($"/catchAll/projects/{projectId}/resources?resource_type=job");
        var jobsInProject = await api.GetAsync($"/catchAll/jobs/user?project_id={projectId}");
        var overview = await api.GetAsync($"/catchAll/projects/{projectId}/overview");
        var project = await api.GetAsync($"/catchAll/projects/{projectId}");
        var updated = await api.PatchAsync($"/catchAll/projects/{projectId}", """{"name":"AI M&A (Q2)"}""");
        var emptyUpdate = await api.PatchAsync($"/catchAll/projects/{projectId}", "{}");
        var list = await api.GetAsync("/catchAll/projects?search=q2");
        var removed = await api.DeleteAsync($"/catchAll/projects/{projectId}/resources/dataset/{datasetId}");
        var removedAgain = await api.DeleteAsync($"/catchAll/projects/{projectId}/resources/dataset/{datasetId}");
        var deleted = await api.DeleteAsync($"/catchAll/projects/{projectId}?delete_resources=true");

        Assert.Equal(201, created.Code);
        Assert.Equal("AI M&A", created.Str("name"));
        Assert.Equal(201, add.Code);
        Assert.False(add.Body.GetProperty("success").GetBoolean());
        var results = add.Body.GetProperty("results");
        Assert.True(results[0].GetProperty("success").GetBoolean());
        Assert.True(results[1].GetProperty("already_exists").GetBoolean());
        Assert.False(results[2].GetProperty("success").GetBoolean());
        Assert.Equal(200, addAgain.Code);
        Assert.Equal(2, resources.Int("total"));
        Assert.Equal("Acquisitions of AI startups", onlyJobs.Body.GetProperty("resources")[0].GetProperty("name").GetString());
        Assert.Equal(1, jobsInProject.Int("total"));
        var counts = overview.Body.GetProperty("overview");
        Assert.Equal(1, counts.GetProperty("datasets").GetProperty("total").GetInt32());
        Assert.Equal(1, counts.GetProperty("jobs").EnumerateObject().Sum(p => p.Value.GetInt32()));
        Assert.Equal(0, counts.GetProperty("monitor_groups").GetProperty("total").GetInt32());
        Assert.Equal("OK", project.Str("message"));
        Assert.Equal(2, project.Int("resources_count"));
        Assert.True(updated.Body.GetProperty("success").GetBoolean());
        Assert.Equal(422, emptyUpdate.Code);
        Assert.Equal(1, list.Int("total"));
        Assert.Equal(200, removed.Code);
        Assert.Equal(404, removedAgain.Code);
        Assert.Equal(204, deleted.Code);
        Assert.Equal(404, (await api.GetAsync($"/catchAll/projects/{projectId}")).Code);
        Assert.Equal(0, (await api.GetAsync("/catchAll/jobs/user")).Int("total"));
        Assert.Equal(200, (await api.GetAsync($"/catchAll/datasets/{datasetId}")).Code);
    }

    private static HttpRequestMessage Multipart(string path, string csv, string? name, string? description = null)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "companies.csv");
        if (name is not null)
        {
            content.Add(new StringContent(name), "name");
        }

        if (description is not null)
        {
            content.Add(new StringContent(description), "description");
        }

        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    }
}
