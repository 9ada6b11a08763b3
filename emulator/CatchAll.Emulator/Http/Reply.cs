using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace CatchAll.Emulator.Http;

/// <summary>A response decided under the state lock and written after it is released.</summary>
internal sealed class Reply
{
    // Like FastAPI, answer in plain UTF-8 rather than \u-escaping every non-ASCII character.
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private Reply(int status, JsonNode? body)
    {
        Status = status;
        Body = body;
    }

    public int Status { get; }

    public JsonNode? Body { get; }

    public List<KeyValuePair<string, string>> Headers { get; } = [];

    /// <summary>Work that must run outside the lock (e.g. an outgoing HTTP call) and produces the real reply.</summary>
    public Func<Task<Reply>>? Deferred { get; private init; }

    public static Reply Ok(JsonNode body) => new(200, body);

    public static Reply Json(int status, JsonNode body) => new(status, body);

    public static Reply NoContent() => new(204, null);

    public static Reply Detail(int status, string message) => new(status, new JsonObject { ["detail"] = message });

    public static Reply NotFound(string message) => Detail(404, message);

    public static Reply BadRequest(string message) => Detail(400, message);

    public static Reply Validation(ValidationErrors errors) => new(422, errors.ToBody());

    public static Reply Validation(string type, string message, params object[] loc)
    {
        var errors = new ValidationErrors();
        errors.Add(type, message, loc);
        return Validation(errors);
    }

    /// <summary>The message/status/status_code body the entity endpoints use for field errors.</summary>
    public static Reply EntityError(ValidationErrors errors)
    {
        var parts = new List<string>();
        foreach (var item in errors.Items)
        {
            parts.Add($"{{'field': '{string.Join('.', item.Loc)}', 'message': '{item.Message}', 'type': '{item.Type}'}}");
        }

        var body = new JsonObject
        {
            ["message"] = "Validation Error with the following fields: [" + string.Join(", ", parts) + "]",
            ["status"] = "Bad Request",
            ["status_code"] = 400,
        };
        return new Reply(400, body);
    }

    public static Reply Later(Func<Task<Reply>> work) => new(0, null) { Deferred = work };

    public Reply WithHeader(string name, string value)
    {
        Headers.Add(new KeyValuePair<string, string>(name, value));
        return this;
    }

    public async Task WriteAsync(HttpContext context)
    {
        if (Deferred is not null)
        {
            var real = await Deferred().ConfigureAwait(false);
            await real.WriteAsync(context).ConfigureAwait(false);
            return;
        }

        var response = context.Response;
        response.StatusCode = Status;
        foreach (var header in Headers)
        {
            response.Headers[header.Key] = header.Value;
        }

        if (Body is null)
        {
            return;
        }

        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Body.WriteTo(writer);
        }

        response.ContentType = "application/json";
        response.ContentLength = buffer.WrittenCount;
        await response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }
}
