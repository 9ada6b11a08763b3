using System;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace CatchAll.AspNetCore.Tests;

/// <summary>A real Kestrel server on a free loopback port with MapCatchAllWebhooks at <see cref="Path"/>; logs are collected.</summary>
internal sealed class ReceiverHost : IAsyncDisposable
{
    public const string Path = "/hooks/catchall";

    private bool _stopped;

    private ReceiverHost(WebApplication app, Uri url)
    {
        App = app;
        Url = url;
        Http = new HttpClient { BaseAddress = url };
        Logs = app.Services.GetRequiredService<FakeLogCollector>();
    }

    public WebApplication App { get; }

    /// <summary>The webhook endpoint's full address.</summary>
    public Uri Url { get; }

    public HttpClient Http { get; }

    public FakeLogCollector Logs { get; }

    public static async Task<ReceiverHost> StartAsync(
        Action<CatchAllWebhookOptions> configure,
        Func<CatchAllWebhookEvent, CancellationToken, Task> handler,
        Action<WebApplicationBuilder>? build = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddFakeLogging();
        builder.Services.AddCatchAllWebhooks(configure);
        build?.Invoke(builder);
        var app = builder.Build();
        app.MapCatchAllWebhooks(Path, handler);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ReceiverHost(app, new Uri(new Uri(address), Path));
    }

    /// <summary>Collects one instrument of the receiver's meter (created by this host's meter factory).</summary>
    public MetricCollector<T> Collect<T>(string instrument)
        where T : struct =>
        new(App.Services.GetRequiredService<IMeterFactory>(), "CatchAll.AspNetCore.Webhooks", instrument);

    public Task StopAsync(CancellationToken cancellationToken = default)
    {
        _stopped = true;
        return App.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_stopped)
        {
            await App.StopAsync();
        }

        await App.DisposeAsync();
    }
}
