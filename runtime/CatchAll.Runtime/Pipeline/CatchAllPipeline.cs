using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CatchAll.Runtime
{
    /// <summary>
    /// Sends <see cref="ApiRequest"/>s for a generated client: authentication, retries, the overall timeout,
    /// logging and mapping of failures to <see cref="CatchAllException"/> subclasses.
    /// </summary>
    /// <remarks>
    /// Thread-safe; create one per client and reuse it. Options are read on every call.
    /// </remarks>
    public sealed class CatchAllPipeline : IDisposable
    {
        internal const string ApiKeyHeader = "x-api-key";
        private const string Redacted = SecretRedactor.Redacted;

        private static readonly string DefaultUserAgent = "CatchAll.Runtime/" + RuntimeVersion();

        private readonly HttpClient _httpClient;
        private readonly bool _ownsHttpClient;
        private readonly ILogger _logger;
        private readonly string _root;

        /// <summary>Creates a pipeline with its own <see cref="HttpClient"/>, disposed with the pipeline.</summary>
        /// <param name="options">The client options.</param>
        /// <param name="defaultBaseAddress">The service root used when <see cref="CatchAllClientOptions.BaseAddress"/> is not set.</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="defaultBaseAddress"/> is not absolute; the base address in use is not
        /// http or https; or <see cref="CatchAllClientOptions.ApiKey"/> is empty (or white space) and the base address is not loopback.</exception>
        public CatchAllPipeline(CatchAllClientOptions options, Uri defaultBaseAddress)
            : this(ValidateAndCreateHttpClient(options, defaultBaseAddress), options, defaultBaseAddress, ownsHttpClient: true)
        {
        }

        /// <summary>
        /// Creates a pipeline over a caller-owned <see cref="HttpClient"/> (e.g. from <c>IHttpClientFactory</c>),
        /// which the pipeline never disposes.
        /// </summary>
        /// <remarks>
        /// The pipeline follows same-origin redirects itself and refuses the rest, but it sees only what the
        /// <paramref name="httpClient"/> returns. If that client's handler follows redirects itself
        /// (<c>AllowAutoRedirect</c> is true by default), a chain leaving the service's origin and coming back to it
        /// (A, then B, then A) delivers the request, API key included, to B without the pipeline noticing; a chain
        /// ending elsewhere is refused only after the fact. Give it a handler with <c>AllowAutoRedirect = false</c>.
        /// <c>AddCatchAllClient</c> does this for the handler it registers, and for a <see cref="HttpClientHandler"/>
        /// or <c>SocketsHttpHandler</c> configured on it later.
        /// </remarks>
        /// <param name="httpClient">The client to send with. Its <see cref="HttpClient.Timeout"/> still applies; the
        /// call's own limit is <see cref="CatchAllClientOptions.Timeout"/>, so set the client's to infinite to rely on that alone.</param>
        /// <param name="options">The client options.</param>
        /// <param name="defaultBaseAddress">The service root used when neither the options nor the HttpClient set one.</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="defaultBaseAddress"/> is not absolute; the base address in use is not
        /// http or https; or <see cref="CatchAllClientOptions.ApiKey"/> is empty (or white space) and the base address is not loopback.</exception>
        public CatchAllPipeline(HttpClient httpClient, CatchAllClientOptions options, Uri defaultBaseAddress)
            : this(httpClient, options, defaultBaseAddress, ownsHttpClient: false)
        {
        }

        private CatchAllPipeline(HttpClient httpClient, CatchAllClientOptions options, Uri defaultBaseAddress, bool ownsHttpClient)
        {
            _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
            Options = options ?? throw new ArgumentNullException(nameof(options));
            ValidateBaseAddress(defaultBaseAddress);
            _ownsHttpClient = ownsHttpClient;
            BaseAddress = options.BaseAddress ?? httpClient.BaseAddress ?? defaultBaseAddress;
            if (!BaseAddress.IsAbsoluteUri)
            {
                throw new ArgumentException("The HttpClient's BaseAddress must be absolute.", nameof(httpClient));
            }

            EndpointValidation.Validate(BaseAddress, options, httpClient);

            _logger = options.LoggerFactory?.CreateLogger(PipelineLog.Category) ?? NullLogger.Instance;

            // Any path in the base address is kept (a gateway prefix, say): Uri's own combining would drop it.
            _root = BaseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/');
        }

        /// <summary>The options this pipeline reads on every call.</summary>
        public CatchAllClientOptions Options { get; }

        /// <summary>The service root: the options' address, else the HttpClient's, else the generated default.</summary>
        public Uri BaseAddress { get; }

        /// <summary>The clock used for timeouts and delays (<see cref="CatchAllClientOptions.TimeProvider"/>).</summary>
        public TimeProvider TimeProvider => Options.TimeProvider;

        /// <summary>Sends the request and deserializes a successful response's JSON body.</summary>
        /// <typeparam name="T">The body type.</typeparam>
        /// <param name="request">The request.</param>
        /// <param name="responseType">Source-generated metadata for <typeparamref name="T"/>.</param>
        /// <param name="options">Per-call overrides, or null.</param>
        /// <param name="cancellationToken">Cancels the call; cancellation surfaces as <see cref="OperationCanceledException"/>.</param>
        /// <returns>The status, headers and body.</returns>
        /// <exception cref="CatchAllApiException">The service answered with a non-success status (see its subclasses).</exception>
        /// <exception cref="CatchAllSerializationException">The body was empty or not the expected JSON.</exception>
        /// <exception cref="CatchAllTransportException">The service could not be reached.</exception>
        /// <exception cref="CatchAllTimeoutException">The call, retries included, ran out of time.</exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        public Task<ApiResponse<T>> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> responseType, RequestOptions? options, CancellationToken cancellationToken)
        {
            if (responseType is null)
            {
                throw new ArgumentNullException(nameof(responseType));
            }

            return SendCoreAsync(
                request,
                options,
                async (response, headers, token) =>
                {
                    using ResponseBody body = await ResponseBody.ReadAsync(response, Options.MaxResponseBodySize, truncate: false, request.OperationId, token).ConfigureAwait(false);
                    PageFingerprint.Record(body.Span, request.OperationId);
                    CatchAllTelemetry.TagJobId(body.Span);
                    T value = Deserialize(body.Span, responseType, request.OperationId, (int)response.StatusCode);
                    return new ApiResponse<T>((int)response.StatusCode, headers, request.OperationId, value);
                },
                disposeOnSuccess: true,
                cancellationToken);
        }

        /// <summary>Sends the request; a successful response's body is read and discarded.</summary>
        /// <param name="request">The request.</param>
        /// <param name="options">Per-call overrides, or null.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The status and headers.</returns>
        /// <exception cref="CatchAllApiException">The service answered with a non-success status.</exception>
        /// <exception cref="CatchAllTransportException">The service could not be reached.</exception>
        /// <exception cref="CatchAllTimeoutException">The call, retries included, ran out of time.</exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        public Task<ApiResponse> SendAsync(ApiRequest request, RequestOptions? options, CancellationToken cancellationToken) =>
            SendCoreAsync(
                request,
                options,
                async (response, headers, token) =>
                {
                    // Draining lets the connection go back to the pool; a body beyond the limit is dropped with the connection.
                    await ResponseBody.DrainAsync(response, Options.MaxResponseBodySize, token).ConfigureAwait(false);
                    return new ApiResponse((int)response.StatusCode, headers, request.OperationId);
                },
                disposeOnSuccess: true,
                cancellationToken);

        /// <summary>
        /// Sends the request and hands over a successful response's body as a stream (for non-JSON content).
        /// The caller must dispose the stream. The overall timeout covers receiving the headers, not reading the stream.
        /// </summary>
        /// <param name="request">The request.</param>
        /// <param name="options">Per-call overrides, or null.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The status, headers and body stream.</returns>
        /// <exception cref="CatchAllApiException">The service answered with a non-success status.</exception>
        /// <exception cref="CatchAllTransportException">The service could not be reached.</exception>
        /// <exception cref="CatchAllTimeoutException">The call, retries included, ran out of time.</exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        public Task<ApiResponse<Stream>> SendForStreamAsync(ApiRequest request, RequestOptions? options, CancellationToken cancellationToken) =>
            SendCoreAsync(
                request,
                options,
                async (response, headers, token) =>
                {
#if NET8_0_OR_GREATER
                    Stream stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
#else
                    Stream stream = response.Content is null
                        ? new MemoryStream(Array.Empty<byte>(), writable: false)
                        : await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
                    return new ApiResponse<Stream>((int)response.StatusCode, headers, request.OperationId, stream);
                },
                disposeOnSuccess: false,
                cancellationToken);

        /// <summary>Disposes the HttpClient when the pipeline created it; a caller-owned one is left alone.</summary>
        public void Dispose()
        {
            if (_ownsHttpClient)
            {
                _httpClient.Dispose();
            }
        }

        private async Task<TResult> SendCoreAsync<TResult>(
            ApiRequest request,
            RequestOptions? requestOptions,
            Func<HttpResponseMessage, IReadOnlyDictionary<string, IReadOnlyList<string>>, CancellationToken, Task<TResult>> readSuccess,
            bool disposeOnSuccess,
            CancellationToken cancellationToken)
        {
            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            cancellationToken.ThrowIfCancellationRequested();

            CatchAllClientOptions options = Options;
            TimeProvider time = options.TimeProvider;
            RetryOptions retry = requestOptions?.Retry ?? options.Retry;
            TimeSpan timeout = requestOptions?.Timeout ?? options.Timeout;
            string operationId = request.OperationId;
            string method = request.Method.Method;
            string path = request.PathAndQuery;
            Uri uri = BuildUri(_root, path);
            bool mayRetry = RetryStrategy.MayRetry(request.Method, retry) && request.IsBodyReplayable;
            long callStarted = time.GetTimestamp();
            using OperationTelemetry? telemetry = OperationTelemetry.Start(operationId, method, uri, time);

            // Built at most once per call, and only when something has to be redacted (an error, a failure, a redirect).
            var redactor = new LazyRedactor(options, requestOptions);

            using CancellationTokenSource timeoutSource = TimeProviderTasks.CancelAfter(time, timeout);

            // A caller token that can never fire needs no linking: the timeout alone ends the call.
            using CancellationTokenSource? linkedSource = cancellationToken.CanBeCanceled
                ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token)
                : null;
            CancellationToken token = linkedSource?.Token ?? timeoutSource.Token;

            try
            {
                for (int attempt = 1; ; attempt++)
                {
                    bool lastAttempt = !mayRetry || attempt >= retry.MaxAttempts;
                    telemetry?.Attempt(attempt);
                    CatchAllException failure;
                    TimeSpan? retryAfter = null;
                    string reason;
                    long attemptStarted = time.GetTimestamp();
                    HttpResponseMessage? response = null;
                    bool keepResponse = false;
                    int? receivedStatus = null;
                    try
                    {
                        response = await SendFollowingRedirectsAsync(request, uri, requestOptions, options, redactor, attempt, token).ConfigureAwait(false);
                        int status = (int)response.StatusCode;
                        receivedStatus = status;
                        telemetry?.Responded(status);
                        PipelineLog.Responded(_logger, operationId, method, path, status, time.GetElapsedTime(attemptStarted), attempt);
                        IReadOnlyDictionary<string, IReadOnlyList<string>> headers = new ResponseHeaders(response);
                        if (status >= 200 && status <= 299)
                        {
                            TResult result = await readSuccess(response, headers, token).ConfigureAwait(false);
                            keepResponse = !disposeOnSuccess;
                            return result;
                        }

                        string? errorBody;
                        int? cutAt = null;
                        using (ResponseBody errorBytes = await ResponseBody.ReadAsync(response, options.MaxErrorBodySize, truncate: true, operationId, token).ConfigureAwait(false))
                        {
                            errorBody = errorBytes.Length == 0 ? null : redactor.Value.Body(errorBytes.ToUtf8String());
                            if (errorBytes.Truncated && errorBytes.Length > 0)
                            {
                                cutAt = errorBytes.Length;
                            }
                        }

                        failure = CatchAllApiException.Create(operationId, status, errorBody, headers, time, redactor.Value, cutAt);
                        if (lastAttempt || !RetryStrategy.IsRetriableStatus(status))
                        {
                            throw failure;
                        }

                        retryAfter = RetryAfterHeader.Read(headers, time.GetUtcNow());
                        if (retryAfter > retry.MaxRetryAfter)
                        {
                            // Honouring it would tie the caller up for longer than they allowed (or overflow a timer).
                            throw failure;
                        }

                        reason = "HTTP " + status.ToString(CultureInfo.InvariantCulture);
                    }
                    catch (Exception ex) when (!token.IsCancellationRequested && ResilienceRejection.Is(ex))
                    {
                        // A resilience handler already retried or decided not to send; retrying here would multiply its work.
                        throw ResilienceRejection.ToCatchAllException(operationId, ex);
                    }
                    catch (Exception ex) when (RetryStrategy.IsTransportFailure(ex) && !token.IsCancellationRequested)
                    {
                        string cause = redactor.Value.Text(ex.Message);
                        string authority = BaseAddress.GetLeftPart(UriPartial.Authority);
                        failure = new CatchAllTransportException(
                            operationId,
                            receivedStatus is int received
                                ? string.Format(CultureInfo.InvariantCulture, "{0} received HTTP {1} from {2}, but the connection failed while reading the body (attempt {3}): {4}", operationId, received, authority, attempt, cause)
                                : string.Format(CultureInfo.InvariantCulture, "{0} could not reach {1} (attempt {2}): {3}", operationId, authority, attempt, cause),
                            ex);
                        if (lastAttempt)
                        {
                            throw failure;
                        }

                        reason = ex.GetType().Name;
                    }
                    finally
                    {
                        if (!keepResponse)
                        {
                            response?.Dispose();
                        }
                    }

                    TimeSpan delay = RetryStrategy.NextDelay(attempt, retry, retryAfter);
                    if (timeout != Timeout.InfiniteTimeSpan && delay >= timeout - time.GetElapsedTime(callStarted))
                    {
                        // Waiting would only end in a timeout; the real failure says more.
                        throw failure;
                    }

                    PipelineLog.Retrying(_logger, operationId, reason, delay, attempt, retry.MaxAttempts, failure);
                    telemetry?.Retrying(reason);
                    await TimeProviderTasks.Delay(time, delay, token).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (telemetry is not null && telemetry.Observe(ex, timeoutSource.IsCancellationRequested))
            {
                throw; // Observe never catches.
            }
            catch (Exception ex) when (ex is not CatchAllException && !cancellationToken.IsCancellationRequested && (ex is OperationCanceledException || token.IsCancellationRequested))
            {
                string message = timeoutSource.IsCancellationRequested
                    ? string.Format(CultureInfo.InvariantCulture, "{0} did not complete within {1}, retries included.", operationId, timeout)
                    : string.Format(CultureInfo.InvariantCulture, "{0} was cancelled by the HTTP client or a handler before completing; HttpClient.Timeout is {1}.", operationId, _httpClient.Timeout);
                throw new CatchAllTimeoutException(operationId, message, timeoutSource.IsCancellationRequested ? timeout : _httpClient.Timeout, ex);
            }
            catch (Exception ex) when (ex is not CatchAllException && cancellationToken.IsCancellationRequested && !IsCancellationOf(ex, cancellationToken))
            {
                // The caller's token, not our linked one, belongs in the exception; and some handlers surface a
                // cancelled read as IOException, which should still read as the cancellation the caller asked for.
                throw new OperationCanceledException(operationId + " was cancelled.", ex, cancellationToken);
            }
        }

        private static bool IsCancellationOf(Exception exception, CancellationToken cancellationToken) =>
            exception is OperationCanceledException canceled && canceled.CancellationToken == cancellationToken;

        private HttpRequestMessage CreateMessage(ApiRequest request, Uri uri, HttpMethod method, bool withBody, RequestOptions? requestOptions, CatchAllClientOptions options)
        {
            var message = new HttpRequestMessage(method, uri);
            try
            {
                message.Content = withBody ? request.CreateContent() : null;
                IDictionary<string, string>? perCall = requestOptions?.Headers;
                var headers = new List<KeyValuePair<string, string>>();

                // Later layers win: pipeline defaults, the client's DefaultHeaders, then the operation's headers, then the caller's per-call headers.
                AddUnlessOverridden(headers, "Accept", "application/json", request, perCall);
                AddUnlessOverridden(headers, "User-Agent", options.UserAgent ?? DefaultUserAgent, request, perCall);
                if (!string.IsNullOrEmpty(options.ApiKey))
                {
                    AddUnlessOverridden(headers, ApiKeyHeader, options.ApiKey!, request, perCall);
                }

                foreach (KeyValuePair<string, string> header in options.DefaultHeaders)
                {
                    AddUnlessOverridden(headers, header.Key, header.Value, request, perCall);
                }

                foreach (KeyValuePair<string, string> header in request.Headers)
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

                foreach (KeyValuePair<string, string> header in headers)
                {
                    if (!message.Headers.TryAddWithoutValidation(header.Key, header.Value) && message.Content is not null)
                    {
                        // Content-Type and friends belong on the content.
                        message.Content.Headers.Remove(header.Key);
                        message.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                    }
                }

                if (_logger.IsEnabled(LogLevel.Trace))
                {
                    PipelineLog.RequestHeaders(_logger, request.OperationId, DescribeHeaders(headers));
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

            foreach (KeyValuePair<string, string> header in request.Headers)
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
            foreach (KeyValuePair<string, string> header in headers)
            {
                if (text.Length > 0)
                {
                    text.Append(", ");
                }

                text.Append(header.Key).Append(": ").Append(IsSecretHeader(header.Key) ? Redacted : header.Value);
            }

            return text.ToString();
        }

        private static bool IsSecretHeader(string name) =>
            string.Equals(name, ApiKeyHeader, StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "Cookie", StringComparison.OrdinalIgnoreCase);

        /// <summary>Servers sometimes echo the key back ("invalid key 'abc'"); it must not reach exception text.</summary>
        /// <summary>The redactor of one call, built on first use from the options the call started with.</summary>
        private sealed class LazyRedactor
        {
            private readonly CatchAllClientOptions _options;
            private readonly RequestOptions? _requestOptions;
            private SecretRedactor? _value;

            public LazyRedactor(CatchAllClientOptions options, RequestOptions? requestOptions)
            {
                _options = options;
                _requestOptions = requestOptions;
            }

            public SecretRedactor Value => _value ??= Redactor(_options, _requestOptions);
        }

        private static SecretRedactor Redactor(CatchAllClientOptions options, RequestOptions? requestOptions)
        {
            var secrets = new List<string?> { options.ApiKey };
            foreach (KeyValuePair<string, string> header in options.DefaultHeaders)
            {
                if (IsSecretHeader(header.Key))
                {
                    secrets.Add(header.Value);
                }
            }

            if (requestOptions is not null)
            {
                foreach (KeyValuePair<string, string> header in requestOptions.Headers)
                {
                    if (IsSecretHeader(header.Key))
                    {
                        secrets.Add(header.Value);
                    }
                }
            }

            return new SecretRedactor(secrets);
        }

        /// <summary>
        /// Sends one attempt, following redirects within the service's origin only. The handler the pipeline creates
        /// does not follow redirects itself, because .NET strips only <c>Authorization</c> on a redirect and the key
        /// travels in <c>x-api-key</c>: following a redirect to another origin would hand the key to that origin.
        /// </summary>
        private async Task<HttpResponseMessage> SendFollowingRedirectsAsync(ApiRequest request, Uri uri, RequestOptions? requestOptions, CatchAllClientOptions options, LazyRedactor redactor, int attempt, CancellationToken token)
        {
            Uri target = uri;
            HttpMethod method = request.Method;
            bool withBody = true;
            for (int redirects = 0; ; redirects++)
            {
                HttpResponseMessage response;
                using (HttpRequestMessage message = CreateMessage(request, target, method, withBody, requestOptions, options))
                {
                    PipelineLog.Sending(_logger, request.OperationId, method.Method, target.PathAndQuery, attempt);
                    response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
                }

                int status = (int)response.StatusCode;
                Uri? answered = response.RequestMessage?.RequestUri;
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

                Uri next = location.IsAbsoluteUri ? location : new Uri(target, location);
                IReadOnlyDictionary<string, IReadOnlyList<string>> headers = redactor.Value.Headers(new ResponseHeaders(response));
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

        private static Uri BuildUri(string root, string pathAndQuery)
        {
            string separator = pathAndQuery.Length > 0 && pathAndQuery[0] != '/' && pathAndQuery[0] != '?' ? "/" : string.Empty;
            return new Uri(root + separator + pathAndQuery, UriKind.Absolute);
        }

        private static T Deserialize<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> typeInfo, string operationId, int statusCode)
        {
            if (json.Length >= 3 && json[0] == 0xEF && json[1] == 0xBB && json[2] == 0xBF)
            {
                json = json.Slice(3);
            }

            if (IsBlank(json))
            {
                throw new CatchAllSerializationException(
                    operationId,
                    string.Format(CultureInfo.InvariantCulture, "{0} returned HTTP {1} with an empty body where {2} JSON was expected.", operationId, statusCode, typeInfo.Type.Name));
            }

            try
            {
                return JsonSerializer.Deserialize(json, typeInfo)!;
            }
            catch (JsonException ex)
            {
                string at = ex.Path ?? "$";
                long? line = ex.LineNumber;
                long? byteInLine = ex.BytePositionInLine;
                if (line is null && JsonErrorPosition.ByteOffset(ex) is long offset)
                {
                    (line, byteInLine) = JsonErrorPosition.LineAndByte(json, offset);
                }

                // A position nobody recorded is left out rather than shown as "line 1, byte 0".
                string position = line is long knownLine
                    ? string.Format(CultureInfo.InvariantCulture, " (line {0}, byte {1})", knownLine + 1, byteInLine ?? 0)
                    : string.Empty;
                throw new CatchAllSerializationException(
                    operationId,
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "{0} returned a body that could not be read as {1} at {2}{3}: {4}",
                        operationId,
                        typeInfo.Type.Name,
                        at,
                        position,
                        ex.Message),
                    ex.Path,
                    line,
                    ex);
            }
            catch (NotSupportedException ex)
            {
                throw new CatchAllSerializationException(
                    operationId,
                    string.Format(CultureInfo.InvariantCulture, "{0} returned a body that {1} cannot be read into: {2}", operationId, typeInfo.Type.Name, ex.Message),
                    innerException: ex);
            }
        }

        private static bool IsBlank(ReadOnlySpan<byte> json)
        {
            foreach (byte b in json)
            {
                if (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\r' && b != (byte)'\n')
                {
                    return false;
                }
            }

            return true;
        }

        private static HttpClient ValidateAndCreateHttpClient(CatchAllClientOptions options, Uri defaultBaseAddress)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            ValidateBaseAddress(defaultBaseAddress);
#if NET8_0_OR_GREATER
            // A bounded connection lifetime picks up DNS changes, which a long-lived HttpClient otherwise never sees.
            var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false };
            return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
#else
            return new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
#endif
        }

        private static void ValidateBaseAddress(Uri defaultBaseAddress)
        {
            if (defaultBaseAddress is null)
            {
                throw new ArgumentNullException(nameof(defaultBaseAddress));
            }

            if (!defaultBaseAddress.IsAbsoluteUri)
            {
                throw new ArgumentException("The default base address must be absolute.", nameof(defaultBaseAddress));
            }
        }

        private static string RuntimeVersion()
        {
            string? version = typeof(CatchAllPipeline).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            if (string.IsNullOrEmpty(version))
            {
                return "0.0.0";
            }

            int plus = version!.IndexOf('+');
            return plus > 0 ? version.Substring(0, plus) : version;
        }
    }
}
