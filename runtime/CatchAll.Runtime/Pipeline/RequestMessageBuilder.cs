using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using Microsoft.Extensions.Logging;

namespace CatchAll.Runtime;

/// <summary>
/// Turns an <see cref="ApiRequest"/> into the <see cref="HttpRequestMessage"/> of one attempt: the address under the
/// service root, the body, and the headers layered from the pipeline's defaults up to the caller's per-call ones.
/// </summary>
internal static class RequestMessageBuilder
{
    /// <summary>The request's path and query under <paramref name="root"/>, which keeps any path of its own.</summary>
    public static Uri RequestUri(string root, string pathAndQuery)
    {
        var separator = pathAndQuery.Length > 0 && pathAndQuery[0] != '/' && pathAndQuery[0] != '?' ? "/" : string.Empty;
        return new Uri(root + separator + pathAndQuery, UriKind.Absolute);
    }

    /// <summary>Builds a fresh message; a message is sent once, so every attempt and every redirect gets its own.</summary>
    public static HttpRequestMessage Create(ApiRequest request, Uri uri, HttpMethod method, bool withBody, RequestOptions? requestOptions, CatchAllClientOptions options, ILogger logger)
    {
        var message = new HttpRequestMessage(method, uri);
        try
        {
            message.Content = withBody ? request.CreateContent() : null;
            var perCall = requestOptions?.Headers;
            var headers = new List<KeyValuePair<string, string>>();

            // Later layers win: pipeline defaults, the client's DefaultHeaders, then the operation's headers, then the caller's per-call headers.
            AddUnlessOverridden(headers, "Accept", "application/json", request, perCall);
            AddUnlessOverridden(headers, "User-Agent", options.UserAgent ?? UserAgent.Default, request, perCall);
            if (!string.IsNullOrEmpty(options.ApiKey))
            {
                AddUnlessOverridden(headers, SecretHeaders.ApiKey, options.ApiKey!, request, perCall);
            }

            foreach (var header in options.DefaultHeaders)
            {
                AddUnlessOverridden(headers, header.Key, header.Value, request, perCall);
            }

            foreach (var header in request.Headers)
            {
                if (perCall is null || !perCall.ContainsKey(header.Key))
                {
                    headers.Add(header);
                }
            }

            if (perCall is not null)
            {
                headers.AddRange(perCall);
            }

            foreach (var header in headers)
            {
                if (!message.Headers.TryAddWithoutValidation(header.Key, header.Value) && message.Content is not null)
                {
                    // Content-Type and friends belong on the content.
                    message.Content.Headers.Remove(header.Key);
                    message.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            if (logger.IsEnabled(LogLevel.Trace))
            {
                PipelineLog.RequestHeaders(logger, request.OperationId, DescribeHeaders(headers));
            }

            return message;
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    private static void AddUnlessOverridden(List<KeyValuePair<string, string>> headers, string name, string value, ApiRequest request, IDictionary<string, string>? perCall)
    {
        if (perCall is not null && perCall.ContainsKey(name))
        {
            return;
        }

        foreach (var header in request.Headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
        }

        headers.Add(new KeyValuePair<string, string>(name, value));
    }

    private static string DescribeHeaders(List<KeyValuePair<string, string>> headers)
    {
        var text = new StringBuilder();
        foreach (var header in headers)
        {
            if (text.Length > 0)
            {
                text.Append(", ");
            }

            text.Append(header.Key).Append(": ").Append(SecretHeaders.Is(header.Key) ? SecretRedactor.Redacted : header.Value);
        }

        return text.ToString();
    }
}
