using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace CatchAll.Runtime;

/// <summary>
/// Sends one attempt, following redirects within the service's origin only. The handler the pipeline creates
/// does not follow redirects itself, because .NET strips only <c>Authorization</c> on a redirect and the key
/// travels in <c>x-api-key</c>: following a redirect to another origin would hand the key to that origin.
/// </summary>
internal static class SameOriginRedirects
{
    public static async Task<HttpResponseMessage> SendAsync(HttpClient httpClient, ILogger logger, ApiRequest request, Uri uri, RequestOptions? requestOptions, CatchAllClientOptions options, LazyRedactor redactor, int attempt, CancellationToken token)
    {
        var target = uri;
        var method = request.Method;
        var withBody = true;
        for (var redirects = 0; ; redirects++)
        {
            HttpResponseMessage response;
            using (var message = RequestMessageBuilder.Create(request, target, method, withBody, requestOptions, options, logger))
            {
                PipelineLog.Sending(logger, request.OperationId, method.Method, target.PathAndQuery, attempt);
                response = await httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            }

            var status = (int)response.StatusCode;
            var answered = response.RequestMessage?.RequestUri;
            if (answered is not null && answered.IsAbsoluteUri && !SameOrigin(answered, uri))
            {
                response.Dispose();
                throw new RedirectRefusedException(
                    request.OperationId,
                    status,
                    string.Format(CultureInfo.InvariantCulture, "{0} was redirected to another origin ({1}) by the HttpClient's own handler, which sent the request there with its headers; the response was discarded. Set AllowAutoRedirect = false on the handler of the HttpClient given to the client: the pipeline follows same-origin redirects itself.", request.OperationId, answered.GetLeftPart(UriPartial.Authority)),
                    answered);
            }

            if (!IsRedirect(status) || response.Headers.Location is not Uri location)
            {
                return response;
            }

            var next = location.IsAbsoluteUri ? location : new Uri(target, location);
            var headers = redactor.Value.Headers(new ResponseHeaders(response));
            response.Dispose();
            if (!SameOrigin(next, uri))
            {
                throw new RedirectRefusedException(
                    request.OperationId,
                    status,
                    string.Format(CultureInfo.InvariantCulture, "{0} answered HTTP {1} redirecting to another origin ({2}); it was not followed, so the API key was not sent there. Only redirects within {3} are followed.", request.OperationId, status, next.GetLeftPart(UriPartial.Authority), uri.GetLeftPart(UriPartial.Authority)),
                    next,
                    headers);
            }

            if (redirects >= RedirectRefusedException.MaxRedirects)
            {
                throw new RedirectRefusedException(
                    request.OperationId,
                    status,
                    string.Format(CultureInfo.InvariantCulture, "{0} was redirected more than {1} times in a row (last to {2}); further redirects were not followed.", request.OperationId, RedirectRefusedException.MaxRedirects, next.PathAndQuery),
                    next,
                    headers);
            }

            if (status == 303 || ((status == 301 || status == 302) && method == HttpMethod.Post))
            {
                // As browsers and HttpClient do: the target is fetched, not posted to again.
                method = HttpMethod.Get;
                withBody = false;
            }
            else if (withBody && request.HasBody && !request.IsBodyReplayable)
            {
                throw new RedirectRefusedException(
                    request.OperationId,
                    status,
                    string.Format(CultureInfo.InvariantCulture, "{0} was redirected with HTTP {1}, which needs the request body sent again, but the body is a stream that cannot be rewound.", request.OperationId, status),
                    next,
                    headers);
            }

            target = next;
        }
    }

    private static bool IsRedirect(int status) => status is 301 or 302 or 303 or 307 or 308;

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
