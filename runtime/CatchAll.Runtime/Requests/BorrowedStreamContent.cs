using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CatchAll.Runtime;

/// <summary>
/// Sends a caller's stream without taking ownership of it: <see cref="StreamContent"/> would dispose the
/// caller's stream with the request, which breaks retries and surprises callers who reuse it.
/// </summary>
internal sealed class BorrowedStreamContent : HttpContent
{
    private const int BufferSize = 81920;
    private readonly Stream _source;
    private readonly long _start;

    public BorrowedStreamContent(Stream source, long start)
    {
        _source = source;
        _start = start;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        CopyAsync(stream, CancellationToken.None);

#if NET8_0_OR_GREATER
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        CopyAsync(stream, cancellationToken);
#endif

    protected override bool TryComputeLength(out long length)
    {
        if (_source.CanSeek)
        {
            length = Math.Max(0, _source.Length - _start);
            return true;
        }

        length = 0;
        return false;
    }

    private Task CopyAsync(Stream target, CancellationToken cancellationToken)
    {
        if (_source.CanSeek)
        {
            _source.Position = _start;
        }

        return _source.CopyToAsync(target, BufferSize, cancellationToken);
    }
}
