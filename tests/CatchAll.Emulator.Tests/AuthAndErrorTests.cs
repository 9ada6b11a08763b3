using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace CatchAll.Emulator.Tests;

public sealed class AuthAndErrorTests
{
    [Fact]
    public async Task Health_and_version_need_no_key_and_report_1_6_3()
    {
        await using var emulator = await EmulatorFixtures.StartFastAsync();
        var api = new Api(new HttpClient { BaseAddress = emulator.BaseAddress });

        var health = await api.GetAsync("/health");
        var version = await api.GetAsync("/version");

        Assert.Equal(200, health.Code);
        Assert.True(health.Body.GetProperty("healthy").GetBoolean());
        Assert.Equal("1.6.3", version.Str("version"));
    }

    [Fact]
    public async Task Missing_or_wrong_key_is_403_with_a_detail_message()
    {
        await using var emulator = await EmulatorFixtures.StartFastAsync();
        var anonymous = new Api(new HttpClient { BaseAddress = emulator.BaseAddress });
        var wrong = new Api(new HttpClient { BaseAddress = emulator.BaseAddress });
        wrong.Http.DefaultRequestHeaders.Add("x-api-key", "not-the-key");

        var missing = await anonymous.GetAsync("/catchAll/jobs/user");
        var invalid = await wrong.PostAsync("/catchAll/submit", """{"query":"layoffs at fintech companies"}""");

        Assert.Equal(403, missing.Code);
        Assert.Equal(JsonValueKind.String, missing.Body.GetProperty("detail").ValueKind);
        Assert.Equal(403, invalid.Code);
        Assert.Equal(JsonValueKind.String, invalid.Body.GetProperty("detail").ValueKind);
    }

    [Fact]
    public async Task Operations_documented_with_401_answer_401_without_a_key()
    {
        await using var emulator = await EmulatorFixtures.StartFastAsync();
        var anonymous = new Api(new HttpClient { BaseAddress = emulator.BaseAddress });

        var delete = await anonymous.DeleteAsync($"/catchAll/jobs/{Guid.NewGuid()}");
        var history = await anonymous.GetAsync($"/catchAll/monitors/{Guid.NewGuid()}/status");

        Assert.Equal(401, delete.Code);
        Assert.Equal(401, history.Code);
        Assert.Equal(JsonValueKind.String, delete.Body.GetProperty("detail").ValueKind);
    }

    [Fact]
    public async Task Unknown_routes_are_404_and_wrong_methods_405()
    {
        await using var emulator = await EmulatorFixtures.StartFastAsync();
        var api = new Api(emulator.CreateClient());

        var unknown = await api.GetAsync("/catchAll/nothing-here");
        var wrongMethod = await api.SendAsync(HttpMethod.Put, "/catchAll/submit", "{}");

        Assert.Equal(404, unknown.Code);
        Assert.Equal("Not Found", unknown.Str("detail"));
        Assert.Equal(405, wrongMethod.Code);
    }

    [Fact]
    public async Task Unknown_ids_are_404_with_a_detail_string()
    {
        await using var emulator = await EmulatorFixtures.StartFastAsync();
        var api = new Api(emulator.CreateClient());
        var id = Guid.NewGuid();

        foreach (var path in new[] { $"/catchAll/status/{id}", $"/catchAll/pull/{id}", $"/catchAll/monitors/pull/{id}", $"/catchAll/webhooks/{id}", $"/catchAll/entities/{id}", $"/catchAll/datasets/{id}", $"/catchAll/projects/{id}", "/catchAll/status/not-a-uuid" })
        {
            var response = await api.GetAsync(path);
            Assert.True(response.Code == 404, $"{path}: {response}");
            Assert.Equal(JsonValueKind.String, response.Body.GetProperty("detail").ValueKind);
        }

        var deleteJob = await api.DeleteAsync($"/catchAll/jobs/{id}");
        Assert.Equal(404, deleteJob.Code);
    }

    [Fact]
    public async Task Submit_validation_errors_use_the_FastAPI_shape()
    {
        await using var emulator = await EmulatorFixtures.StartFastAsync();
        var api = new Api(emulator.CreateClient());

        var lowLimit = await api.PostAsync("/catchAll/submit", """{"query":"Series B rounds","limit":5,"mode":"turbo"}""");
        var noQuery = await api.PostAsync("/catchAll/submit", """{"context":"x"}""");
        var notJson = await api.PostAsync("/catchAll/submit", "{not json");
        var noBody = await api.PostAsync("/catchAll/submit");

        Assert.Equal(422, lowLimit.Code);
        var errors = lowLimit.Body.GetProperty("detail");
        Assert.Equal(2, errors.GetArrayLength());
        var limitError = errors[0];
        Assert.Equal("body", limitError.GetProperty("loc")[0].GetString());
        Assert.Equal("limit", limitError.GetProperty("loc")[1].GetString());
        Assert.Equal("greater_than_equal", limitError.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(limitError.GetProperty("msg").GetString()));
        Assert.Equal("mode", errors[1].GetProperty("loc")[1].GetString());

        Assert.Equal(422, noQuery.Code);
        Assert.Equal("missing", noQuery.Body.GetProperty("detail")[0].GetProperty("type").GetString());
        Assert.Equal("query", noQuery.Body.GetProperty("detail")[0].GetProperty("loc")[1].GetString());
        Assert.Equal(422, notJson.Code);
        Assert.Equal("json_invalid", notJson.Body.GetProperty("detail")[0].GetProperty("type").GetString());
        Assert.Equal(422, noBody.Code);
    }

    [Fact]
    public async Task Entity_validation_errors_use_the_message_status_body()
    {
        await using var emulator = await EmulatorFixtures.StartFastAsync();
        var api = new Api(emulator.CreateClient());

        var response = await api.PostAsync("/catchAll/entities", """{"entity_type":"robot"}""");

        Assert.Equal(400, response.Code);
        Assert.Equal(400, response.Int("status_code"));
        Assert.Equal("Bad Request", response.Str("status"));
        var message = response.Str("message");
        Assert.Contains("body.name", message, StringComparison.Ordinal);
        Assert.Contains("body.entity_type", message, StringComparison.Ordinal);
    }
}
