using System.Collections.Generic;

namespace CatchAll;

/// <summary>A successful response with its deserialized body.</summary>
/// <typeparam name="T">The body type.</typeparam>
public sealed class ApiResponse<T> : ApiResponse
{
    /// <summary>Creates a response; public so callers can build one in their own tests.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="headers">Response and content headers; look-ups should ignore case.</param>
    /// <param name="operationId">The contract operation that produced it.</param>
    /// <param name="value">The body.</param>
    public ApiResponse(int statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, string operationId, T value)
        : base(statusCode, headers, operationId)
    {
        Value = value;
    }

    /// <summary>The body.</summary>
    public T Value { get; }
}
