using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CatchAll.Runtime
{
    /// <summary>
    /// A response body read whole into a pooled buffer, sized from Content-Length when the server sends one:
    /// one read into one array, where ReadAsByteArrayAsync buffers and then copies into a new array per call.
    /// Dispose returns the buffer.
    /// </summary>
    internal readonly struct ResponseBody : IDisposable
    {
        private const int DefaultSize = 16 * 1024;
        private readonly byte[]? _buffer;

        private ResponseBody(byte[]? buffer, int length)
        {
            _buffer = buffer;
            Length = length;
        }

        public int Length { get; }

        public ReadOnlySpan<byte> Span => _buffer is null ? default : new ReadOnlySpan<byte>(_buffer, 0, Length);

        public static async Task<ResponseBody> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            if (response.Content is null)
            {
                return default;
            }

            long? declared = response.Content.Headers.ContentLength;
            if (declared == 0)
            {
                return default;
            }

            // One spare byte, so a body of exactly the declared length ends without growing the buffer.
            byte[] buffer = ArrayPool<byte>.Shared.Rent(declared is > 0 and < int.MaxValue ? (int)declared.Value + 1 : DefaultSize);
            int length = 0;
            try
            {
#if NET8_0_OR_GREATER
                using Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
                using Stream stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        byte[] larger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
                        Buffer.BlockCopy(buffer, 0, larger, 0, length);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

#if NET8_0_OR_GREATER
                    int read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
#else
                    int read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
#endif
                    if (read == 0)
                    {
                        return new ResponseBody(buffer, length);
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

        public string ToUtf8String() => _buffer is null ? string.Empty : Encoding.UTF8.GetString(_buffer, 0, Length);

        public void Dispose()
        {
            if (_buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
            }
        }
    }
}
