using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using CatchAll.Runtime;

namespace CatchAll.Client.Tests.Http;

/// <summary>
/// How one operation is called in the HTTP tests and what must reach the wire. Method and path template come
/// from the spec; the case says which argument values were passed and what they must look like when sent.
/// </summary>
internal sealed record OperationCase
{
    public required string OperationId { get; init; }

    /// <summary>Calls XxxWithResponseAsync; returns the response and its Value (null for bodiless operations).</summary>
    public required Func<CatchAllClient, Task<(ApiResponse Response, object? Value)>> WithResponse { get; init; }

    /// <summary>Calls XxxAsync with the same arguments; returns its result (null for bodiless operations).</summary>
    public required Func<CatchAllClient, Task<object?>> Plain { get; init; }

    public Type? ValueType { get; init; }

    /// <summary>Path parameter (spec name) to its unescaped wire text.</summary>
    public IReadOnlyDictionary<string, string> PathValues { get; init; } = new Dictionary<string, string>();

    /// <summary>Query parameter (spec name) to its unescaped wire text; any other query parameter is an error.</summary>
    public IReadOnlyDictionary<string, string> QueryValues { get; init; } = new Dictionary<string, string>();

    /// <summary>The JSON body that must be sent, or null for none.</summary>
    public string? RequestJson { get; init; }

    /// <summary>Checks a multipart body.</summary>
    public Action<IReadOnlyList<MultipartPart>>? CheckMultipart { get; init; }

    /// <summary>The canned success body when the spec has no example for it.</summary>
    public string? ResponseJson { get; init; }

    /// <summary>The success status to answer with when the spec allows several.</summary>
    public int? Status { get; init; }

    /// <summary>Spot checks on the parsed result, beyond the generic "writes back as it came".</summary>
    public Action<object?>? CheckValue { get; init; }

    public override string ToString() => OperationId;

    public static OperationCase Op<T>(string operationId, Func<CatchAllClient, Task<ApiResponse<T>>> withResponse, Func<CatchAllClient, Task<T>> plain, Action<T>? check = null) =>
        new()
        {
            OperationId = operationId,
            ValueType = typeof(T),
            WithResponse = async c =>
            {
                var response = await withResponse(c);
                return (response, response.Value);
            },
            Plain = async c => await plain(c),
            CheckValue = check is null ? null : v => check((T)v!),
        };

    public static OperationCase NoContent(string operationId, Func<CatchAllClient, Task<ApiResponse>> withResponse, Func<CatchAllClient, Task> plain) =>
        new()
        {
            OperationId = operationId,
            WithResponse = async c => (await withResponse(c), null),
            Plain = async c =>
            {
                await plain(c);
                return null;
            },
        };
}
