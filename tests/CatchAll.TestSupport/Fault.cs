using System;
using System.Collections.Generic;
using System.Text;

namespace CatchAll.TestSupport;

/// <summary>
/// How the fault server misbehaves for one request. It writes raw HTTP/1.1 bytes, so it can do what a well-behaved
/// server library never would: lie about Content-Length, stream without end, break the connection mid-body.
/// </summary>
public sealed class Fault
{
    public int Status { get; init; } = 200;

    public string Reason { get; init; } = "X";

    public List<KeyValuePair<string, string>> Headers { get; init; } = new();

    public byte[] Body { get; init; } = Array.Empty<byte>();

    /// <summary>Generated filler bytes of this length, sent after <see cref="Body"/> (for large bodies without holding them).</summary>
    public long FillerLength { get; init; }

    /// <summary>The Content-Length to claim instead of the real one.</summary>
    public long? DeclaredLength { get; init; }

    /// <summary>Send chunked, without Content-Length.</summary>
    public bool Chunked { get; init; }

    /// <summary>Close the connection after this many body bytes (with the real or declared length still claimed).</summary>
    public long? CloseAfterBodyBytes { get; init; }

    /// <summary>Reset the connection (RST) instead of answering.</summary>
    public bool Reset { get; init; }

    /// <summary>Never answer; the connection stays open until the server is disposed.</summary>
    public bool Hang { get; init; }

    public static Fault Json(string body, int status = 200) => Text(body, status, "application/json");

    public static Fault Text(string body, int status, string contentType) => new()
    {
        Status = status,
        Body = Encoding.UTF8.GetBytes(body),
        Headers = { new("Content-Type", contentType) },
    };

    public Fault With(string name, string value)
    {
        Headers.Add(new KeyValuePair<string, string>(name, value));
        return this;
    }
}
