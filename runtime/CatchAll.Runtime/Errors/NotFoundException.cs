using System.Collections.Generic;

namespace CatchAll;

/// <summary>HTTP 404: the addressed resource (job, monitor, webhook, …) does not exist.</summary>
public class NotFoundException : CatchAllApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operationId">The contract operation that failed.</param>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="detail">The service's own explanation, when it gave one.</param>
    /// <param name="responseBody">The raw response body, when there was one.</param>
    /// <param name="headers">The response headers (case-insensitive names).</param>
    public NotFoundException(
        string operationId,
        string message,
        string? detail = null,
        string? responseBody = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? headers = null)
        : base(operationId, 404, message, detail, responseBody, headers)
    {
    }
}
