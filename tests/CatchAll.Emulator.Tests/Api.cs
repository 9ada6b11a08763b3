using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace CatchAll.Emulator.Tests;

/// <summary>Raw HTTP against the emulator: every call returns the status and the parsed JSON body.</summary>
internal sealed class Api(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public Task<Response> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<Response> PostAsync(string path, string? json = null) => SendAsync(HttpMethod.Post, path, json);

    public Task<Response> PatchAsync(string path, string json) => SendAsync(HttpMethod.Patch, path, json);

    public Task<Response> DeleteAsync(string path, string? json = null) => SendAsync(HttpMethod.Delete, path, json);

    public async Task<Response> SendAsync(HttpMethod method, string path, string? json)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await SendAsync(request);
    }

    public async Task<Response> SendAsync(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonElement body = default;
        if (text.Length > 0)
        {
            using var document = JsonDocument.Parse(text);
            body = document.RootElement.Clone();
        }

        return new Response(response.StatusCode, body, response.Headers.RetryAfter?.Delta, text);
    }

    /// <summary>Polls until <paramref name="done"/> holds; fails the test after <paramref name="timeout"/>.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {what}; last value: {value}");
            }

            await Task.Delay(20);
        }
    }
}

internal sealed record Response(HttpStatusCode Status, JsonElement Body, TimeSpan? RetryAfter, string Text)
{
    public int Code => (int)Status;

    public string Str(string name) => Body.GetProperty(name).GetString()!;

    public int Int(string name) => Body.GetProperty(name).GetInt32();

    public override string ToString() => $"{Code} {Text}";
}
