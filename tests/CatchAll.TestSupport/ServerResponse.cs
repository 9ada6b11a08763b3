using System.Collections.Generic;

namespace CatchAll.TestSupport;

/// <summary>What the loopback server should answer.</summary>
public sealed class ServerResponse
{
    public int Status { get; init; } = 200;

    public string? Body { get; init; }

    /// <summary>The body's type, unless <see cref="Headers"/> sets a Content-Type of its own.</summary>
    public string ContentType { get; init; } = "application/json";

    public Dictionary<string, string> Headers { get; init; } = new();

    /// <summary>Send the body chunked, in pieces of this many bytes, without a Content-Length.</summary>
    public int? ChunkSize { get; init; }

    /// <summary>Never answer; the connection stays open until the server is disposed.</summary>
    public bool Hang { get; init; }

    public static ServerResponse Json(string body, int status = 200) => new() { Status = status, Body = body };

    /// <summary>A status with an optional JSON body and extra headers.</summary>
    public static ServerResponse Of(int status, string? body, Dictionary<string, string>? headers = null) =>
        new() { Status = status, Body = body, Headers = headers ?? new() };

    public static ServerResponse Status503() => new() { Status = 503, Body = "{\"detail\":\"busy\"}" };
}
