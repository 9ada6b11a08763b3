using System.Collections.Generic;

namespace CatchAll;

/// <summary>HTTP 400: the request was malformed or a parameter was invalid.</summary>
public class BadRequestException : CatchAllApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operationId">The contract operation that failed.</param>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="detail">The service's own explanation, when it gave one.</param>
    /// <param name="responseBody">The raw response body, when there was one.</param>
    /// <param name="headers">The response headers (case-insensitive names).</param>
    public BadRequestException(
        string operationId,
        string message,
        string? detail = null,
        string? responseBody = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? headers = null)
        : base(operationId, 400, message, detail, responseBody, headers)
    {
    }
}
