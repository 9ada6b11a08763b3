using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using CatchAll.Runtime;

namespace CatchAll;

/// <summary>The service answered with a non-success HTTP status.</summary>
/// <remarks>
/// Common statuses have their own subclass (<see cref="BadRequestException"/>, <see cref="UnauthorizedException"/>,
/// <see cref="ForbiddenException"/>, <see cref="NotFoundException"/>, <see cref="UnprocessableEntityException"/>,
/// <see cref="RateLimitedException"/>); every other status is this class itself.
/// </remarks>
public class CatchAllApiException : CatchAllException
{
    private const int MaxMessageSnippet = 200;
    private const int MaxListedErrors = 5;

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoHeaders =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the exception. Prefer <see cref="Create(string, int, string?, IReadOnlyDictionary{string, IReadOnlyList{string}}?)"/>, which picks the subclass.</summary>
    /// <param name="operationId">The contract operation that failed.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="detail">The service's own explanation, when it gave one.</param>
    /// <param name="responseBody">The raw response body, when there was one.</param>
    /// <param name="headers">The response headers (case-insensitive names).</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public CatchAllApiException(
        string operationId,
        int statusCode,
        string message,
        string? detail = null,
        string? responseBody = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? headers = null,
        Exception? innerException = null)
        : base(operationId, message, innerException)
    {
        StatusCode = statusCode;
        Detail = detail;
        ResponseBody = responseBody;
        Headers = headers ?? NoHeaders;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>
    /// The service's explanation: the body's <c>detail</c> when it is a string, else its <c>message</c>
    /// (entity endpoints use <c>{message, status, status_code}</c>), else <see langword="null"/>.
    /// </summary>
    public string? Detail { get; }

    /// <summary>The raw response body, or <see langword="null"/> when there was none.</summary>
    public string? ResponseBody { get; }

    /// <summary>The response headers, including content headers; names are case-insensitive.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>Builds the exception that fits <paramref name="statusCode"/>, reading the service's explanation from <paramref name="body"/>.</summary>
    /// <param name="operationId">The contract operation that failed.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="body">The response body, if any.</param>
    /// <param name="headers">The response headers, if known (needed for <c>Retry-After</c>).</param>
    /// <returns>A <see cref="CatchAllApiException"/> or the subclass mapped to the status.</returns>
    public static CatchAllApiException Create(
        string operationId,
        int statusCode,
        string? body,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? headers = null) =>
        Create(operationId, statusCode, body, headers, TimeProvider.System);

    internal static CatchAllApiException Create(
        string operationId,
        int statusCode,
        string? body,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? headers,
        TimeProvider timeProvider,
        SecretRedactor? redactor = null,
        int? bodyCutAt = null)
    {
        if (operationId is null)
        {
            throw new ArgumentNullException(nameof(operationId));
        }

        headers ??= NoHeaders;
        var parsed = ErrorBody.Parse(body);
        var message = BuildMessage(operationId, statusCode, parsed, body);
        if (bodyCutAt is int cut)
        {
            message += string.Format(CultureInfo.InvariantCulture, " The body was cut at {0:N0} bytes (CatchAllClientOptions.MaxErrorBodySize).", cut);
        }

        if (redactor is not null)
        {
            // The body was redacted before parsing; this catches what parsing alone could have assembled.
            message = redactor.Text(message);
            headers = redactor.Headers(headers);
            if (parsed.Detail is not null)
            {
                parsed = parsed.WithDetail(redactor.Text(parsed.Detail));
            }
        }

        switch (statusCode)
        {
            case 400:
                return new BadRequestException(operationId, message, parsed.Detail, body, headers);
            case 401:
                return new UnauthorizedException(operationId, message, parsed.Detail, body, headers);
            case 403:
                return new ForbiddenException(operationId, message, parsed.Detail, body, headers);
            case 404:
                return new NotFoundException(operationId, message, parsed.Detail, body, headers);
            case 422:
                return new UnprocessableEntityException(operationId, message, parsed.Errors, parsed.Detail, body, headers);
            case 429:
                var retryAfter = RetryAfterHeader.Read(headers, timeProvider.GetUtcNow());
                return new RateLimitedException(operationId, message, retryAfter, parsed.Detail, body, headers);
            default:
                return new CatchAllApiException(operationId, statusCode, message, parsed.Detail, body, headers);
        }
    }

    private static string BuildMessage(string operationId, int statusCode, ErrorBody parsed, string? body)
    {
        var text = new StringBuilder();
        text.Append(operationId)
            .Append(" failed with HTTP ")
            .Append(statusCode.ToString(CultureInfo.InvariantCulture))
            .Append(" (")
            .Append(HttpReasonPhrase.For(statusCode))
            .Append(')');

        if (parsed.Detail is not null)
        {
            text.Append(": ").Append(parsed.Detail);
        }
        else if (parsed.Errors.Count > 0)
        {
            text.Append(": ");
            for (var i = 0; i < parsed.Errors.Count && i < MaxListedErrors; i++)
            {
                var error = parsed.Errors[i];
                if (i > 0)
                {
                    text.Append("; ");
                }

                text.Append(error.LocationPath.Length > 0 ? error.LocationPath : "(request)").Append(": ").Append(error.Message);
            }

            if (parsed.Errors.Count > MaxListedErrors)
            {
                text.Append("; and ").Append((parsed.Errors.Count - MaxListedErrors).ToString(CultureInfo.InvariantCulture)).Append(" more");
            }
        }
        else if (!parsed.IsJson && !string.IsNullOrWhiteSpace(body))
        {
            // A proxy or gateway page is not JSON, but its first words usually say what happened.
            var snippet = body!.Trim().Replace('\r', ' ').Replace('\n', ' ');
            text.Append(": ").Append(snippet.Length > MaxMessageSnippet ? snippet.Substring(0, MaxMessageSnippet) + "…" : snippet);
        }

        if (text[text.Length - 1] != '.')
        {
            text.Append('.');
        }

        return text.ToString();
    }
}
