using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CatchAll.Runtime;

/// <summary>
/// A response body read whole into a pooled buffer, sized from Content-Length when the server sends one:
/// one read into one array, where ReadAsByteArrayAsync buffers and then copies into a new array per call.
/// Never more than a limit is read or allocated for, whatever the server declares. Dispose returns the buffer.
/// </summary>
internal readonly struct ResponseBody : IDisposable
{
    private const int DefaultSize = 16 * 1024;

    private const int DrainBufferSize = 16 * 1024;

    private const int TrustedSize = 4 * 1024 * 1024;
    private readonly byte[]? _buffer;

    private ResponseBody(byte[]? buffer, int length, bool truncated)
    {
        _buffer = buffer;
        Length = length;
        Truncated = truncated;
    }

    public int Length { get; }

    /// <summary>Whether the body went on past the limit and only its first part was kept.</summary>
    public bool Truncated { get; }

    public ReadOnlySpan<byte> Span => _buffer is null ? default : new ReadOnlySpan<byte>(_buffer, 0, Length);

    /// <summary>Reads the body, at most <paramref name="limit"/> bytes of it.</summary>
    /// <param name="response">The response.</param>
    /// <param name="limit">The most bytes kept (at most <see cref="int.MaxValue"/> − 1).</param>
    /// <param name="truncate">Keep the first <paramref name="limit"/> bytes of a longer body instead of throwing.</param>
    /// <param name="operationId">Names the operation in the exception.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="ResponseTooLargeException">The body is longer than the limit and <paramref name="truncate"/> is false.</exception>
    public static async Task<ResponseBody> ReadAsync(HttpResponseMessage response, long limit, bool truncate, string operationId, CancellationToken cancellationToken)
    {
        if (response.Content is null)
        {
            return default;
        }

        var declared = response.Content.Headers.ContentLength;
        if (declared == 0)
        {
            return default;
        }

        if (declared > limit && !truncate)
        {
            throw TooLarge(operationId, response, limit, declared);
        }

        if (limit <= 0)
        {
            return new ResponseBody(null, 0, truncated: true);
        }

        // Room for one byte past the limit: reading it is how a body without Content-Length shows it is too long,
        // and a body of exactly the declared length then ends without growing the buffer.
        var maxBuffer = (int)Math.Min(limit + 1, int.MaxValue);
        // The declared length sizes the first buffer only up to TrustedSize: a server claiming 200 MB and sending
        // ten bytes must not cost 200 MB; a body really that long grows the buffer by doubling as it arrives.
        var initial = declared is > 0 ? (int)Math.Min(Math.Min(declared.Value + 1, TrustedSize), maxBuffer) : Math.Min(DefaultSize, maxBuffer);
        var buffer = ArrayPool<byte>.Shared.Rent(initial);
        var length = 0;
        try
        {
            using var stream = await OpenAsync(response.Content, cancellationToken).ConfigureAwait(false);
            while (true)
            {
                if (length > limit)
                {
                    if (!truncate)
                    {
                        throw TooLarge(operationId, response, limit, declared);
                    }

                    return new ResponseBody(buffer, (int)limit, truncated: true);
                }

                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, maxBuffer));
                    Buffer.BlockCopy(buffer, 0, larger, 0, length);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var room = Math.Min(buffer.Length, maxBuffer) - length;
#if NET8_0_OR_GREATER
                int read = await stream.ReadAsync(buffer.AsMemory(length, room), cancellationToken).ConfigureAwait(false);
#else
                var read = await stream.ReadAsync(buffer, length, room, cancellationToken).ConfigureAwait(false);
#endif
                if (read == 0)
                {
                    return new ResponseBody(buffer, length, truncated: false);
                }

                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>
    /// Reads and discards a body nobody wants (an operation that returns nothing), so the connection can go back to
    /// the pool: through one small pooled buffer, never a buffer the body's size. A body declared or found to be
    /// longer than <paramref name="limit"/> is left unread, and the connection is dropped with the response.
    /// </summary>
    /// <param name="response">The response.</param>
    /// <param name="limit">The most bytes read.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task DrainAsync(HttpResponseMessage response, long limit, CancellationToken cancellationToken)
    {
        if (response.Content is null || response.Content.Headers.ContentLength is long declared && (declared == 0 || declared > limit))
        {
            return;
        }

        var scratch = ArrayPool<byte>.Shared.Rent(DrainBufferSize);
        try
        {
            // Best effort: the status already says the operation succeeded. A connection lost while discarding the body
            // must not turn that success into a transport failure (retried, a DELETE then answers 404).
            using var stream = await OpenAsync(response.Content, cancellationToken).ConfigureAwait(false);
            for (long total = 0; total <= limit;)
            {
#if NET8_0_OR_GREATER
                int read = await stream.ReadAsync(scratch.AsMemory(), cancellationToken).ConfigureAwait(false);
#else
                var read = await stream.ReadAsync(scratch, 0, scratch.Length, cancellationToken).ConfigureAwait(false);
#endif
                if (read == 0)
                {
                    return;
                }

                total += read;
            }
        }
        catch (Exception exception) when (exception is IOException || exception is HttpRequestException || exception is ObjectDisposedException)
        {
            // The connection is dropped with the response; nothing the caller asked for is missing.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    private static Task<Stream> OpenAsync(HttpContent content, CancellationToken cancellationToken) =>
#if NET8_0_OR_GREATER
        content.ReadAsStreamAsync(cancellationToken);
#else
        content.ReadAsStreamAsync();
#endif

    public string ToUtf8String() => _buffer is null ? string.Empty : Encoding.UTF8.GetString(_buffer, 0, Length);

    public void Dispose()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }
    }

    private static ResponseTooLargeException TooLarge(string operationId, HttpResponseMessage response, long limit, long? declared) =>
        new ResponseTooLargeException(
            operationId,
            string.Format(
                CultureInfo.InvariantCulture,
                "{0} returned HTTP {1} with a body {2} than the {3:N0}-byte limit (CatchAllClientOptions.MaxResponseBodySize); it was not read.",
                operationId,
                (int)response.StatusCode,
                declared is long length ? "declared as " + length.ToString("N0", CultureInfo.InvariantCulture) + " bytes, larger" : "larger",
                limit),
            (int)response.StatusCode,
            limit,
            declared);
}
