using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace CatchAll.Runtime;

/// <summary>
/// Reads a response the pipeline received: a success into what the caller asked for (a JSON value, nothing, or
/// the body as a stream), and a failure into the <see cref="CatchAllApiException"/> for its status.
/// </summary>
internal static class ResponseReader
{
    public static async Task<ApiResponse<T>> ReadJsonAsync<T>(HttpResponseMessage response, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, ApiRequest request, JsonTypeInfo<T> responseType, long maxBodySize, CancellationToken token)
    {
        using var body = await ResponseBody.ReadAsync(response, maxBodySize, truncate: false, request.OperationId, token).ConfigureAwait(false);
        PageFingerprint.Record(body.Span, request.OperationId);
        CatchAllTelemetry.TagJobId(body.Span);
        var value = ResponseDeserializer.Deserialize(body.Span, responseType, request.OperationId, (int)response.StatusCode);
        return new ApiResponse<T>((int)response.StatusCode, headers, request.OperationId, value);
    }

    public static async Task<ApiResponse> DiscardAsync(HttpResponseMessage response, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, ApiRequest request, long maxBodySize, CancellationToken token)
    {
        // Draining lets the connection go back to the pool; a body beyond the limit is dropped with the connection.
        await ResponseBody.DrainAsync(response, maxBodySize, token).ConfigureAwait(false);
        return new ApiResponse((int)response.StatusCode, headers, request.OperationId);
    }

    public static async Task<ApiResponse<Stream>> OpenStreamAsync(HttpResponseMessage response, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, ApiRequest request, CancellationToken token)
    {
#if NET8_0_OR_GREATER
        Stream stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
#else
        var stream = response.Content is null
            ? new MemoryStream(Array.Empty<byte>(), writable: false)
            : await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        return new ApiResponse<Stream>((int)response.StatusCode, headers, request.OperationId, stream);
    }

    /// <summary>
    /// Reads a non-success response's body (cut at <see cref="CatchAllClientOptions.MaxErrorBodySize"/>, secrets
    /// redacted) into the exception for its status.
    /// </summary>
    public static async Task<CatchAllApiException> ReadFailureAsync(HttpResponseMessage response, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, string operationId, CatchAllClientOptions options, LazyRedactor redactor, CancellationToken token)
    {
        var status = (int)response.StatusCode;
        string? errorBody;
        int? cutAt = null;
        using (var errorBytes = await ResponseBody.ReadAsync(response, options.MaxErrorBodySize, truncate: true, operationId, token).ConfigureAwait(false))
        {
            errorBody = errorBytes.Length == 0 ? null : redactor.Value.Body(errorBytes.ToUtf8String());
            if (errorBytes.Truncated && errorBytes.Length > 0)
            {
                cutAt = errorBytes.Length;
            }
        }

        return CatchAllApiException.Create(operationId, status, errorBody, headers, options.TimeProvider, redactor.Value, cutAt);
    }
}
