using System;

namespace CatchAll;

/// <summary>
/// The service could not be reached or the connection broke (DNS, refused connection, reset, TLS),
/// after any allowed retries. <see cref="Exception.InnerException"/> holds the last underlying failure.
/// </summary>
public class CatchAllTransportException : CatchAllException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operationId">The contract operation that failed.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying <see cref="System.Net.Http.HttpRequestException"/> or <see cref="System.IO.IOException"/>.</param>
    public CatchAllTransportException(string operationId, string message, Exception? innerException = null)
        : base(operationId, message, innerException)
    {
    }
}
