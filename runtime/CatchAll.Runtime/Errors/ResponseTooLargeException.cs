using System;
using CatchAll.Runtime;

namespace CatchAll;

/// <summary>
/// A response body was larger than the client accepts (<see cref="CatchAllClientOptions.MaxResponseBodySize"/>).
/// The client stops reading at the limit, or before reading when the server declares a larger Content-Length,
/// so a broken or hostile server cannot exhaust memory.
/// </summary>
public class ResponseTooLargeException : CatchAllException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operationId">The contract operation whose response was too large.</param>
    /// <param name="message">What was too large.</param>
    /// <param name="statusCode">The response's HTTP status code.</param>
    /// <param name="limit">The limit, in bytes.</param>
    /// <param name="declaredLength">The Content-Length the server declared, when it declared one.</param>
    public ResponseTooLargeException(string operationId, string message, int statusCode, long limit, long? declaredLength)
        : base(operationId, message)
    {
        StatusCode = statusCode;
        Limit = limit;
        DeclaredLength = declaredLength;
    }

    /// <summary>The response's HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The limit that was exceeded, in bytes.</summary>
    public long Limit { get; }

    /// <summary>The Content-Length the server declared, or <see langword="null"/> when it sent none.</summary>
    public long? DeclaredLength { get; }
}
