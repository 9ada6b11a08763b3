using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CatchAll.TestSupport;
using Xunit;

namespace CatchAll.Emulator.Tests;

/// <summary>Every (method, path) of the vendor's reference spec must be served by the emulator.</summary>
public sealed class RouteCoverageTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [SkippableFact]
    public async Task Every_operation_of_the_reference_spec_is_served()
    {
        Skip.If(!RepoPaths.ReferenceAvailable, "The reference spec (../shared/reference next to the repository) is not available.");
        var operations = ReadOperations(File.ReadAllLines(RepoPaths.ReferenceSpec));
        Assert.Equal(57, operations.Count);

        await using var emulator = await EmulatorFixtures.StartFastAsync();
        var api = new Api(emulator.CreateClient());
        var ids = await CreateOneOfEachAsync(api);

        // Deletes go last, deepest paths first, so the resources they need still exist when they run.
        var ordered = operations
            .OrderBy(op => op.Method == "DELETE" ? 1 : 0)
            .ThenByDescending(op => op.Method == "DELETE" ? op.Path.Count(c => c == '/') : 0)
            .ToList();
        var failures = new List<string>();
        foreach (var (method, template) in ordered)
        {
            var path = Regex.Replace(template, @"\{(\w+)\}", m => ids[m.Groups[1].Value]);
            if (template == "/catchAll/webhook-history")
            {
                path += $"?resource_type=job&resource_id={ids["job_id"]}";
            }

            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (template.EndsWith("/upload", StringComparison.Ordinal))
            {
                var form = new MultipartFormDataContent();
                var file = new ByteArrayContent(Encoding.UTF8.GetBytes("name,domain\r\nKiteforge Works,kiteforge.example\r\n"));
                file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
                form.Add(file, "file", "c.csv");
                form.Add(new StringContent("Coverage"), "name");
                request.Content = form;
            }
            else if (method is "POST" or "PATCH")
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }

            var response = await api.SendAsync(request);
            if (!IsServed(response.Code))
            {
                failures.Add($"{method} {template} -> {response}");
            }
        }

        Assert.True(failures.Count == 0, "Not served, or failed on the server:\n" + string.Join('\n', failures));
    }

    /// <summary>No route (404/405) or a server error (any 5xx) means the operation is not really served.</summary>
    internal static bool IsServed(int status) => status is not (404 or 405) && status < 500;

    [Theory]
    [InlineData(200, true)]
    [InlineData(422, true)]
    [InlineData(404, false)]
    [InlineData(405, false)]
    [InlineData(500, false)]
    [InlineData(501, false)]
    [InlineData(503, false)]
    public void A_missing_route_or_a_server_error_counts_as_not_served(int status, bool served)
    {
        Assert.Equal(served, IsServed(status));
    }

    private static async Task<Dictionary<string, string>> CreateOneOfEachAsync(Api api)
    {
        var entity = (await api.PostAsync("/catchAll/entities", """{"name":"Coverage Co"}""")).Str("id");
        var dataset = (await api.PostAsync("/catchAll/datasets", $$"""{"name":"Coverage","entity_ids":["{{entity}}"]}""")).Str("id");
        var job = (await api.PostAsync("/catchAll/submit", """{"query":"Funding rounds for SaaS startups","limit":10}""")).Str("job_id");
        await Api.EventuallyAsync(() => api.GetAsync($"/catchAll/status/{job}"), r => r.Str("status") == "completed", Wait, "reference job");
        var monitor = (await api.PostAsync("/catchAll/monitors/create", $$"""{"reference_job_id":"{{job}}","schedule":"every day at noon"}""")).Str("monitor_id");
        var webhook = (await api.PostAsync("/catchAll/webhooks", """{"name":"Coverage","url":"https://hooks.internal.example/x"}""")).Body.GetProperty("webhook").GetProperty("id").GetString()!;
        await api.PostAsync($"/catchAll/webhooks/{webhook}/resources", $$"""{"resource_type":"job","resource_id":"{{job}}"}""");
        var project = (await api.PostAsync("/catchAll/projects", """{"name":"Coverage"}""")).Str("project_id");
        await api.PostAsync($"/catchAll/projects/{project}/resources", $$"""{"resources":[{"resource_type":"job","resource_id":"{{job}}"}]}""");
        return new Dictionary<string, string>
        {
            ["job_id"] = job,
            ["monitor_id"] = monitor,
            ["webhook_id"] = webhook,
            ["entity_id"] = entity,
            ["dataset_id"] = dataset,
            ["project_id"] = project,
            ["resource_type"] = "job",
            ["resource_id"] = job,
        };
    }

    /// <summary>Paths sit at two spaces of indentation under <c>paths:</c>, their methods at four.</summary>
    private static List<(string Method, string Path)> ReadOperations(string[] lines)
    {
        var operations = new List<(string, string)>();
        string? path = null;
        var inPaths = false;
        foreach (var line in lines)
        {
            if (!line.StartsWith(' ') && line.Length > 0 && !line.StartsWith('#'))
            {
                inPaths = line.StartsWith("paths:", StringComparison.Ordinal);
                continue;
            }

            if (!inPaths)
            {
                continue;
            }

            var pathMatch = Regex.Match(line, @"^  (/\S*):\s*$");
            if (pathMatch.Success)
            {
                path = pathMatch.Groups[1].Value;
                continue;
            }

            var methodMatch = Regex.Match(line, @"^    (get|post|put|patch|delete):\s*$");
            if (methodMatch.Success && path is not null)
            {
                operations.Add((methodMatch.Groups[1].Value.ToUpperInvariant(), path));
            }
        }

        return operations;
    }
}
