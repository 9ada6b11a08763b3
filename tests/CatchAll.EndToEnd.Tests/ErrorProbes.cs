using System;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using CatchAll.Emulator;
using CatchAll.EndToEnd.Tests.Infrastructure;

namespace CatchAll.EndToEnd.Tests;

/// <summary>
/// Raw requests that make the emulator answer with its error statuses (400, 403, 404, 422, 429), so the
/// contract check sees error bodies as well as the tour's successes. Sent through the session's recording
/// handler without the client's retries, which would wait on the fake clock for a 429.
/// </summary>
internal static class ErrorProbes
{
    public static async Task RunAsync(EmulatorSession session)
    {
        using var http = new HttpClient(session.Http, disposeHandler: false) { BaseAddress = session.Emulator.BaseAddress };
        http.DefaultRequestHeaders.Add("x-api-key", session.Emulator.ApiKey);
        var unknown = Guid.NewGuid();

        await http.GetAsync($"/catchAll/status/{unknown}");
        await http.GetAsync($"/catchAll/pull/{unknown}");
        await http.GetAsync($"/catchAll/monitors/pull/{unknown}");
        await http.GetAsync($"/catchAll/webhooks/{unknown}");
        await http.GetAsync($"/catchAll/entities/{unknown}");
        await http.GetAsync($"/catchAll/datasets/{unknown}");
        await http.GetAsync($"/catchAll/projects/{unknown}");
        await PostAsync(http, "/catchAll/submit", "{}");
        await PostAsync(http, "/catchAll/submit", """{"query":"Layoffs at logistics firms","start_date":"2001-01-01T00:00:00Z"}""");
        await PostAsync(http, "/catchAll/continue", $$"""{"job_id":"{{unknown}}","new_limit":50}""");
        await PostAsync(http, "/catchAll/monitors/create", $$"""{"reference_job_id":"{{unknown}}","schedule":"every day at noon"}""");
        await PostAsync(http, "/catchAll/monitors/create", """{"schedule":"every day at noon"}""");
        await PostAsync(http, "/catchAll/entities", """{"name":""}""");
        await http.PostAsync($"/catchAll/datasets/{unknown}/entities/list", null);

        using (var wrongKey = new HttpRequestMessage(HttpMethod.Get, $"/catchAll/status/{unknown}"))
        {
            wrongKey.Headers.Add("x-api-key", "not-the-key");
            using var client = new HttpClient(session.Http, disposeHandler: false) { BaseAddress = session.Emulator.BaseAddress };
            await client.SendAsync(wrongKey);
        }

        // The fake clock stands still, so submitted jobs stay active until the concurrency limit answers 429.
        for (var i = 0; i <= EmulatorOptions.DefaultConcurrencyLimit; i++)
        {
            using var response = await PostAsync(http, "/catchAll/submit", $$"""{"query":"Layoffs at logistics firms {{i}}","limit":10}""");
            if ((int)response.StatusCode == 429)
            {
                break;
            }
        }
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string json) =>
        http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
}
