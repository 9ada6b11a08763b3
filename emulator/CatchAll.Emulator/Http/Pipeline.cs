using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CatchAll.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CatchAll.Emulator.Http;

/// <summary>Middleware and endpoint wiring: faults, routing, auth, the state lock.</summary>
internal static class Pipeline
{
    private const int MaxBodyBytes = 16 * 1024 * 1024;

    public static void Configure(WebApplication app, EmulatorState state, IReadOnlyList<Route> routes)
    {
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value ?? "/";
            var delay = state.Faults.LatencyFor(path);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, context.RequestAborted).ConfigureAwait(false);
            }

            if (state.Faults.TryTakeRequestFault(context.Request.Method, path, out var status, out var retryAfter))
            {
                var reply = Reply.Detail(status, "Injected fault: the emulator was told to fail this request.");
                if (retryAfter is TimeSpan wait)
                {
                    reply.WithHeader("Retry-After", Math.Max(0, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
                }

                await reply.WriteAsync(context).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });

        app.UseRouting();

        app.Use(async (context, next) =>
        {
            var endpoint = context.GetEndpoint();
            var route = endpoint?.Metadata.GetMetadata<Route>();
            if (route is null)
            {
                // No operation at this path (404), or the path exists with other methods (405).
                var reply = endpoint is null ? Reply.Detail(404, "Not Found") : Reply.Detail(405, "Method Not Allowed");
                await reply.WriteAsync(context).ConfigureAwait(false);
                return;
            }

            if (route.Auth != AuthKind.Open)
            {
                var key = context.Request.Headers["x-api-key"];
                var code = route.Auth == AuthKind.Unauthorized ? 401 : 403;
                if (key.Count == 0 || string.IsNullOrEmpty(key[0]))
                {
                    await Reply.Detail(code, "Missing API key: send it in the x-api-key header.").WriteAsync(context).ConfigureAwait(false);
                    return;
                }

                if (!string.Equals(key[0], state.ApiKey, StringComparison.Ordinal))
                {
                    await Reply.Detail(code, "Invalid API key.").WriteAsync(context).ConfigureAwait(false);
                    return;
                }
            }

            await next(context).ConfigureAwait(false);
        });

        foreach (var route in routes)
        {
            var bound = route;
            app.MapMethods(route.Pattern, [route.Method], context => HandleAsync(context, state, bound))
                .WithMetadata(route)
                .WithDisplayName(route.OperationId);
        }
    }

    private static async Task HandleAsync(HttpContext context, EmulatorState state, Route route)
    {
        JsonNode? body = null;
        IFormCollection? form = null;
        switch (route.Body)
        {
            case BodyKind.Json:
            case BodyKind.OptionalJson:
                var bytes = await ReadBodyAsync(context).ConfigureAwait(false);
                if (bytes.Length == 0 || IsWhitespace(bytes))
                {
                    if (route.Body == BodyKind.Json)
                    {
                        await Reply.Validation("missing", "Field required", "body").WriteAsync(context).ConfigureAwait(false);
                        return;
                    }
                }
                else
                {
                    try
                    {
                        body = JsonNode.Parse(bytes);
                    }
                    catch (JsonException ex)
                    {
                        var position = (int)(ex.BytePositionInLine ?? 0);
                        await Reply.Validation("json_invalid", "JSON decode error", "body", position).WriteAsync(context).ConfigureAwait(false);
                        return;
                    }
                }

                break;
            case BodyKind.Form:
                if (!context.Request.HasFormContentType)
                {
                    await Reply.Validation("missing", "Field required", "body", "file").WriteAsync(context).ConfigureAwait(false);
                    return;
                }

                try
                {
                    form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
                }
                catch (InvalidDataException)
                {
                    await Reply.Validation("value_error", "Malformed multipart body", "body").WriteAsync(context).ConfigureAwait(false);
                    return;
                }

                break;
        }

        Reply reply;
        lock (state.Gate)
        {
            // One request, one instant: on a fast clock the API time moves while a handler runs, and an entity
            // created at one reading and a dataset planned at a later one disagree about what already happened.
            state.Freeze();
            try
            {
                state.Pump();
                reply = route.Handler(new Call(context, state, body, form));
            }
            finally
            {
                state.Thaw();
            }
        }

        await reply.WriteAsync(context).ConfigureAwait(false);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                break;
            }
        }

        return buffer.ToArray();
    }

    private static bool IsWhitespace(byte[] bytes)
    {
        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }
}
