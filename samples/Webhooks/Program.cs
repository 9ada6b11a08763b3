// Receiving CatchAll webhooks: an ASP.NET Core app with AddCatchAllWebhooks/MapCatchAllWebhooks.
//
//   dotnet run --project samples/Webhooks            offline: starts the emulator, points a webhook at this app,
//                                                    runs a job, prints what arrives, and exits
//   dotnet run --project samples/Webhooks -- --serve  just the receiver, on http://127.0.0.1:5090/hooks/catchall
//
// Credentials come from the CatchAll:Webhooks section (appsettings.json here; use user secrets or environment
// variables such as CatchAll__Webhooks__Auth__Password for real ones).
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CatchAll;
using CatchAll.AspNetCore;
using CatchAll.Emulator;
using CatchAll.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var serve = args.Contains("--serve");
// appsettings.json is read from next to the binary, wherever `dotnet run` is started from.
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.WebHost.UseUrls(serve ? "http://127.0.0.1:5090" : "http://127.0.0.1:0");
builder.Services.AddCatchAllWebhooks(o => o.TypeInfoResolver = CatchAllClientJson.Resolver);

var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
var app = builder.Build();
app.MapCatchAllWebhooks("/hooks/catchall", (CatchAllWebhookEvent e, CancellationToken ct) =>
{
    if (e.Kind == CatchAllWebhookEventKind.JobCompleted)
    {
        var records = e.GetJobRecords();   // generated for this project because it references CatchAll.AspNetCore
        Console.WriteLine($"job {e.JobId} completed: {records.Count} records");
        foreach (var record in records.Take(3))
        {
            Console.WriteLine($"  - {record.RecordTitle}");
        }

        done.TrySetResult();
    }
    else if (e.Kind == CatchAllWebhookEventKind.JobFailed)
    {
        Console.WriteLine($"job {e.JobId} failed: {e.Json.GetProperty("error")}");
    }
    else if (e.Kind == CatchAllWebhookEventKind.MonitorRun)
    {
        var run = e.GetMonitorRun()!;
        Console.WriteLine($"monitor {run.MonitorId} run {run.LatestJobId}: {run.RecordsCount} new records");
    }
    else if (e.Kind == CatchAllWebhookEventKind.Test)
    {
        Console.WriteLine("test delivery received");
    }
    else
    {
        Console.WriteLine($"unknown delivery {e.Id}: {e.Json.GetRawText().Length} bytes kept");
    }

    return Task.CompletedTask;
});

await app.StartAsync();
var hookUrl = app.Urls.First().TrimEnd('/') + "/hooks/catchall";
Console.WriteLine($"receiving CatchAll webhooks at {hookUrl}");
if (serve)
{
    await app.WaitForShutdownAsync();
    return 0;
}

// Offline demo: the emulator delivers to loopback addresses, so it can call this app directly.
await using var emulator = await CatchAllEmulator.StartAsync(new EmulatorOptions { TimeScale = 0.002 });
using var client = new CatchAllClient(new CatchAllClientOptions { ApiKey = emulator.ApiKey, BaseAddress = emulator.BaseAddress });
var auth = app.Configuration.GetSection("CatchAll:Webhooks:Auth");
var webhook = await client.Webhooks.CreateWebhookAsync(new CreateWebhookRequest
{
    Name = "sample receiver",
    Url = hookUrl,
    Auth = new BasicAuth { Username = auth["Username"]!, Password = auth["Password"]! },
});
var test = await client.Webhooks.TestWebhookAsync(webhook.Webhook!.Id);
Console.WriteLine($"test delivery: HTTP {test.HttpStatusCode}");
var job = await client.Jobs.CreateJobAsync(new SubmitRequest { Query = "Series B funding rounds for SaaS startups", Limit = 10, WebhookIds = [webhook.Webhook.Id] });
Console.WriteLine($"job {job.JobId} submitted; waiting for its webhook");

var arrived = await Task.WhenAny(done.Task, Task.Delay(TimeSpan.FromMinutes(2)));
await app.StopAsync();
return arrived == done.Task ? 0 : 1;
