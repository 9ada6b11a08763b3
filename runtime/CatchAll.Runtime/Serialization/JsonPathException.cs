using System;
using System.Text.Json;

namespace CatchAll.Serialization;

/// <summary>A JsonException that carries its path in Path as well as in the message, and the innermost reason apart.</summary>
internal sealed class JsonPathException : JsonException
{
    public JsonPathException(string path, string reason, string message, Exception? inner)
        : base(message, path, null, null, inner)
    {
        Reason = reason;
    }

    public string Reason { get; }
}
