using System;
using System.Collections.Generic;

namespace CatchAll;

/// <summary>HTTP 422: the request was well-formed but failed validation; <see cref="Errors"/> says where.</summary>
public class UnprocessableEntityException : CatchAllApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operationId">The contract operation that failed.</param>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="errors">The validation errors the service listed.</param>
    /// <param name="detail">The service's own explanation, when it gave one as text.</param>
    /// <param name="responseBody">The raw response body, when there was one.</param>
    /// <param name="headers">The response headers (case-insensitive names).</param>
    public UnprocessableEntityException(
        string operationId,
        string message,
        IReadOnlyList<ValidationErrorItem> errors,
        string? detail = null,
        string? responseBody = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? headers = null)
        : base(operationId, 422, message, detail, responseBody, headers)
    {
        Errors = errors ?? throw new ArgumentNullException(nameof(errors));
    }

    /// <summary>The validation errors from the body's <c>detail</c> array; empty when it had none.</summary>
    public IReadOnlyList<ValidationErrorItem> Errors { get; }
}
