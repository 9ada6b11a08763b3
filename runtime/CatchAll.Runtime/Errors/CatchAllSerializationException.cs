using System;

namespace CatchAll;

/// <summary>
/// A successful response's body could not be read as the expected JSON: empty, malformed, or not
/// matching the contract's schema.
/// </summary>
public class CatchAllSerializationException : CatchAllException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operationId">The contract operation whose response was unreadable.</param>
    /// <param name="message">What could not be read, and where.</param>
    /// <param name="jsonPath">The JSON path of the failure (e.g. <c>$.records[3].date</c>), when known.</param>
    /// <param name="lineNumber">The zero-based line of the failure, when known.</param>
    /// <param name="innerException">The underlying <see cref="System.Text.Json.JsonException"/>, if any.</param>
    public CatchAllSerializationException(string operationId, string message, string? jsonPath = null, long? lineNumber = null, Exception? innerException = null)
        : base(operationId, message, innerException)
    {
        JsonPath = jsonPath;
        LineNumber = lineNumber;
    }

    /// <summary>The JSON path of the failure (e.g. <c>$.records[3].date</c>), when known.</summary>
    public string? JsonPath { get; }

    /// <summary>The zero-based line of the failure, when known.</summary>
    public long? LineNumber { get; }
}
