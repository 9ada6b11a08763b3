using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CatchAll.Runtime;

/// <summary>
/// Sends <see cref="ApiRequest"/>s for a generated client: authentication, retries, the overall timeout,
/// logging and mapping of failures to <see cref="CatchAllException"/> subclasses.
/// </summary>
/// <remarks>
/// Thread-safe; create one per client and reuse it. Options are read on every call.
/// </remarks>
public sealed class CatchAllPipeline : IDisposable
{
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
            (response, headers, token) => ResponseReader.ReadJsonAsync(response, headers, request, responseType, Options.MaxResponseBodySize, token),
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
            (response, headers, token) => ResponseReader.DiscardAsync(response, headers, request, Options.MaxResponseBodySize, token),
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
            (response, headers, token) => ResponseReader.OpenStreamAsync(response, headers, request, token),
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

        var options = Options;
        var time = options.TimeProvider;
        var retry = requestOptions?.Retry ?? options.Retry;
        var timeout = requestOptions?.Timeout ?? options.Timeout;
        var operationId = request.OperationId;
        var method = request.Method.Method;
        var path = request.PathAndQuery;
        var uri = RequestMessageBuilder.RequestUri(_root, path);
        var mayRetry = RetryStrategy.MayRetry(request.Method, retry) && request.IsBodyReplayable;
        var callStarted = time.GetTimestamp();
        using var telemetry = OperationTelemetry.Start(operationId, method, uri, time);

        // Built at most once per call, and only when something has to be redacted (an error, a failure, a redirect).
        var redactor = new LazyRedactor(options, requestOptions);

        using var timeoutSource = TimeProviderTasks.CancelAfter(time, timeout);

        // A caller token that can never fire needs no linking: the timeout alone ends the call.
        using var linkedSource = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token)
            : null;
        var token = linkedSource?.Token ?? timeoutSource.Token;

        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var lastAttempt = !mayRetry || attempt >= retry.MaxAttempts;
                telemetry?.Attempt(attempt);
                CatchAllException failure;
                TimeSpan? retryAfter = null;
                string reason;
                var attemptStarted = time.GetTimestamp();
                HttpResponseMessage? response = null;
                var keepResponse = false;
                int? receivedStatus = null;
                try
                {
                    response = await SameOriginRedirects.SendAsync(_httpClient, _logger, request, uri, requestOptions, options, redactor, attempt, token).ConfigureAwait(false);
                    var status = (int)response.StatusCode;
                    receivedStatus = status;
                    telemetry?.Responded(status);
                    PipelineLog.Responded(_logger, operationId, method, path, status, time.GetElapsedTime(attemptStarted), attempt);
                    IReadOnlyDictionary<string, IReadOnlyList<string>> headers = new ResponseHeaders(response);
                    if (status >= 200 && status <= 299)
                    {
                        var result = await readSuccess(response, headers, token).ConfigureAwait(false);
                        keepResponse = !disposeOnSuccess;
                        return result;
                    }

                    failure = await ResponseReader.ReadFailureAsync(response, headers, operationId, options, redactor, token).ConfigureAwait(false);
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
                    var cause = redactor.Value.Text(ex.Message);
                    var authority = BaseAddress.GetLeftPart(UriPartial.Authority);
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

                var delay = RetryStrategy.NextDelay(attempt, retry, retryAfter);
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
            var message = timeoutSource.IsCancellationRequested
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
}
