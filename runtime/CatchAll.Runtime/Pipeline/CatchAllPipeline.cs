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
        private const string ApiKeyHeader = "x-api-key";
        private const string Redacted = "***";

        private static readonly string DefaultUserAgent = "CatchAll.Runtime/" + RuntimeVersion();

        private readonly HttpClient _httpClient;
        private readonly bool _ownsHttpClient;
        private readonly ILogger _logger;
        private readonly string _root;

        /// <summary>Creates a pipeline with its own <see cref="HttpClient"/>, disposed with the pipeline.</summary>
        /// <param name="options">The client options.</param>
        /// <param name="defaultBaseAddress">The service root used when <see cref="CatchAllClientOptions.BaseAddress"/> is not set.</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="defaultBaseAddress"/> is not absolute.</exception>
        public CatchAllPipeline(CatchAllClientOptions options, Uri defaultBaseAddress)
            : this(ValidateAndCreateHttpClient(options, defaultBaseAddress), options, defaultBaseAddress, ownsHttpClient: true)
        {
        }

        /// <summary>
        /// Creates a pipeline over a caller-owned <see cref="HttpClient"/> (e.g. from <c>IHttpClientFactory</c>),
        /// which the pipeline never disposes.
        /// </summary>
        /// <param name="httpClient">The client to send with. Its <see cref="HttpClient.Timeout"/> still applies; the
        /// call's own limit is <see cref="CatchAllClientOptions.Timeout"/>, so set the client's to infinite to rely on that alone.</param>
        /// <param name="options">The client options.</param>
        /// <param name="defaultBaseAddress">The service root used when neither the options nor the HttpClient set one.</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="defaultBaseAddress"/> is not absolute.</exception>
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
                    using ResponseBody body = await ResponseBody.ReadAsync(response, token).ConfigureAwait(false);
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
                    // Draining lets the connection go back to the pool.
                    using ResponseBody drained = await ResponseBody.ReadAsync(response, token).ConfigureAwait(false);
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
                    CatchAllException failure;
                    TimeSpan? retryAfter = null;
                    string reason;
                    long attemptStarted = time.GetTimestamp();
                    HttpResponseMessage? response = null;
                    bool keepResponse = false;
                    try
                    {
                        using (HttpRequestMessage message = CreateMessage(request, uri, requestOptions, options))
                        {
                            PipelineLog.Sending(_logger, operationId, method, path, attempt);
                            response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
                        }

                        int status = (int)response.StatusCode;
                        PipelineLog.Responded(_logger, operationId, method, path, status, time.GetElapsedTime(attemptStarted), attempt);
                        IReadOnlyDictionary<string, IReadOnlyList<string>> headers = new ResponseHeaders(response);
                        if (status >= 200 && status <= 299)
                        {
                            TResult result = await readSuccess(response, headers, token).ConfigureAwait(false);
                            keepResponse = !disposeOnSuccess;
                            return result;
                        }

                        string? errorBody;
                        using (ResponseBody errorBytes = await ResponseBody.ReadAsync(response, token).ConfigureAwait(false))
                        {
                            errorBody = errorBytes.Length == 0 ? null : Redact(errorBytes.ToUtf8String(), options, requestOptions);
                        }

                        failure = CatchAllApiException.Create(operationId, status, errorBody, headers, time);
                        if (lastAttempt || !RetryStrategy.IsRetriableStatus(status))
                        {
                            throw failure;
                        }

                        retryAfter = RetryAfterHeader.Read(headers, time.GetUtcNow());
                        reason = "HTTP " + status.ToString(CultureInfo.InvariantCulture);
                    }
                    catch (Exception ex) when (!token.IsCancellationRequested && ResilienceRejection.Is(ex))
                    {
                        // A resilience handler already retried or decided not to send; retrying here would multiply its work.
                        throw ResilienceRejection.ToCatchAllException(operationId, ex);
                    }
                    catch (Exception ex) when (RetryStrategy.IsTransportFailure(ex) && !token.IsCancellationRequested)
                    {
                        failure = new CatchAllTransportException(
                            operationId,
                            string.Format(
                                CultureInfo.InvariantCulture,
                                "{0} could not reach {1} (attempt {2}): {3}",
                                operationId,
                                BaseAddress.GetLeftPart(UriPartial.Authority),
                                attempt,
                                Redact(ex.Message, options, requestOptions)),
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
                    await TimeProviderTasks.Delay(time, delay, token).ConfigureAwait(false);
                }
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

        private HttpRequestMessage CreateMessage(ApiRequest request, Uri uri, RequestOptions? requestOptions, CatchAllClientOptions options)
        {
            var message = new HttpRequestMessage(request.Method, uri);
            try
            {
                message.Content = request.CreateContent();
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
        private static string Redact(string text, CatchAllClientOptions options, RequestOptions? requestOptions)
        {
            text = RedactValue(text, options.ApiKey);
            foreach (KeyValuePair<string, string> header in options.DefaultHeaders)
            {
                if (IsSecretHeader(header.Key))
                {
                    text = RedactValue(text, header.Value);
                }
            }

            if (requestOptions is not null)
            {
                foreach (KeyValuePair<string, string> header in requestOptions.Headers)
                {
                    if (IsSecretHeader(header.Key))
                    {
                        text = RedactValue(text, header.Value);
                    }
                }
            }

            return text;
        }

        private static string RedactValue(string text, string? secret) =>
            string.IsNullOrEmpty(secret) || text.IndexOf(secret!, StringComparison.Ordinal) < 0 ? text : text.Replace(secret!, Redacted);

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
                throw new CatchAllSerializationException(
                    operationId,
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "{0} returned a body that could not be read as {1} at {2} (line {3}, byte {4}): {5}",
                        operationId,
                        typeInfo.Type.Name,
                        at,
                        (ex.LineNumber ?? 0) + 1,
                        ex.BytePositionInLine ?? 0,
                        ex.Message),
                    ex.Path,
                    ex.LineNumber,
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
            var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
            return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
#else
            return new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
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
