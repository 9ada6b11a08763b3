using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace CatchAll.EndToEnd.Tests.Infrastructure;

/// <summary>One delivery the emulator made to the receiver.</summary>
internal sealed record ReceivedWebhook(string Method, string Path, string? Authorization, string? Marker, string Body);

/// <summary>A loopback HTTP endpoint for webhook deliveries: answers 200 and remembers what arrived.</summary>
internal sealed class WebhookReceiver : IDisposable
{
    public const string MarkerHeader = "X-E2E-Marker";

    private readonly HttpListener _listener;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly Task _loop;

    private WebhookReceiver(HttpListener listener, Uri url)
    {
        _listener = listener;
        Url = url;
        _loop = Task.Run(LoopAsync);
    }

    public Uri Url { get; }

    public IReadOnlyList<ReceivedWebhook> Received => _received.ToArray();

    public static WebhookReceiver Start()
    {
        // Ask the OS for a free loopback port, then listen there; retry in the unlikely case it was taken meanwhile.
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var url = new Uri($"http://127.0.0.1:{port}/hooks/e2e/");
            var listener = new HttpListener();
            listener.Prefixes.Add(url.ToString());
            try
            {
                listener.Start();
                return new WebhookReceiver(listener, url);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with an exception when the listener closes under it.
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync().ConfigureAwait(false);
            }

            _received.Enqueue(new ReceivedWebhook(
                context.Request.HttpMethod,
                context.Request.Url?.AbsolutePath ?? string.Empty,
                context.Request.Headers["Authorization"],
                context.Request.Headers[MarkerHeader],
                body));
            var reply = Encoding.UTF8.GetBytes("{\"received\":true}");
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = reply.Length;
            await context.Response.OutputStream.WriteAsync(reply).ConfigureAwait(false);
            context.Response.Close();
        }
    }
}
