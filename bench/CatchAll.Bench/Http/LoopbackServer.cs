using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using CatchAll.Bench.Payloads;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CatchAll.Bench.Http;

/// <summary>
/// Kestrel on 127.0.0.1 (a free port) answering the three job calls with fixed, pre-serialized bodies,
/// so every client under test receives the same bytes and the server's share is the same for each.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Base address, ending in a slash.</summary>
    public Uri Address { get; }

    /// <summary>The API key the clients send; the server only checks it is there.</summary>
    public const string ApiKey = "bench-key";

    /// <summary>Starts the server with the benchmark's payloads.</summary>
    public static async Task<LoopbackServer> StartAsync(byte[] status, byte[] pull, byte[] submitted)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.UseRouting();
        app.MapGet("/catchAll/status/{jobId}", (HttpContext context) => Write(context, status));
        app.MapGet("/catchAll/pull/{jobId}", (HttpContext context) => Write(context, pull));
        app.MapPost("/catchAll/submit", async (HttpContext context) =>
        {
            // Read the whole request body, as a real server must before it answers.
            var buffer = new byte[16 * 1024];
            while (await context.Request.Body.ReadAsync(buffer).ConfigureAwait(false) > 0)
            {
            }

            await Write(context, submitted).ConfigureAwait(false);
        });
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    private static Task Write(HttpContext context, byte[] body)
    {
        if (!context.Request.Headers.ContainsKey("X-API-Key"))
        {
            context.Response.StatusCode = 401;
            return Task.CompletedTask;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, 0, body.Length);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
