using System;
using System.Collections.Generic;

namespace CatchAll;

/// <summary>A successful response: its status and headers.</summary>
public class ApiResponse
{
    /// <summary>Creates a response; public so callers can build one in their own tests.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="headers">Response and content headers; look-ups should ignore case.</param>
    /// <param name="operationId">The contract operation that produced it.</param>
    public ApiResponse(int statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, string operationId)
    {
        StatusCode = statusCode;
        Headers = headers ?? throw new ArgumentNullException(nameof(headers));
        OperationId = operationId ?? throw new ArgumentNullException(nameof(operationId));
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>Response and content headers; names are case-insensitive.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The contract operation that produced this response.</summary>
    public string OperationId { get; }
}
