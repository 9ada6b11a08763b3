using System;
using System.Collections.Generic;
using CatchAll.Runtime;

namespace CatchAll;

/// <summary>
/// The service answered with a redirect the client does not follow: to another origin (scheme, host or port),
/// which would carry the API key to a server it was not meant for, or one redirect too many.
/// </summary>
/// <remarks>
/// Redirects within the same origin are followed (at most <see cref="MaxRedirects"/> in a row), with the key.
/// A caller-supplied <see cref="System.Net.Http.HttpClient"/> whose handler follows redirects by itself is
/// detected after the fact: the call fails with this exception, but the handler has already sent the request
/// (and its headers) to the other origin; disable <c>AllowAutoRedirect</c> on such handlers.
/// </remarks>
public class RedirectRefusedException : CatchAllApiException
{
    /// <summary>The most same-origin redirects one call follows.</summary>
    public const int MaxRedirects = 5;

    /// <summary>Creates the exception.</summary>
    /// <param name="operationId">The contract operation that was redirected.</param>
    /// <param name="statusCode">The redirect's HTTP status code.</param>
    /// <param name="message">What was refused and why.</param>
    /// <param name="location">Where the server redirected to, when it said.</param>
    /// <param name="headers">The response headers (case-insensitive names).</param>
    public RedirectRefusedException(string operationId, int statusCode, string message, Uri? location, IReadOnlyDictionary<string, IReadOnlyList<string>>? headers = null)
        : base(operationId, statusCode, message, headers: headers)
    {
        Location = location;
    }

    /// <summary>The redirect target, or <see langword="null"/> when the response named none.</summary>
    public Uri? Location { get; }
}
