using System;
using System.Net.Http;
using System.Threading;
using CatchAll;
using CatchAll.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers generated CatchAll clients with dependency injection and <see cref="IHttpClientFactory"/>.</summary>
public static class CatchAllServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TClient"/> as a transient service built from a factory-managed
    /// <see cref="HttpClient"/> and named <see cref="CatchAllClientOptions"/>.
    /// </summary>
    /// <remarks>
    /// The HttpClient and the options are both named after <typeparamref name="TClient"/>'s full name
    /// (<see cref="IHttpClientBuilder.Name"/>). Unless set explicitly, <see cref="CatchAllClientOptions.LoggerFactory"/>
    /// comes from the container, and so does <see cref="CatchAllClientOptions.TimeProvider"/> when one is registered.
    /// The HttpClient's own timeout is disabled: <see cref="CatchAllClientOptions.Timeout"/> governs each call.
    /// Its primary handler does not follow redirects (the pipeline follows same-origin ones itself, so the key never
    /// goes to another origin). A primary handler configured later (<c>ConfigurePrimaryHttpMessageHandler</c>,
    /// <c>ConfigureHttpClientDefaults</c>) gets <c>AllowAutoRedirect = false</c> forced on it when it is an
    /// <see cref="HttpClientHandler"/> or (in the net8.0 build; the netstandard2.0 one cannot name it) a
    /// <c>SocketsHttpHandler</c>; any other primary handler must not follow redirects itself, since a redirect chain
    /// that returns to the service's origin cannot be seen from outside.
    /// The client retries by itself, only idempotent methods unless a call opts in. A chained resilience handler should
    /// not retry as well: the standard one retries every method by default, a submit included, which can start a
    /// job twice. Turn its retry off and keep its circuit breaker and timeouts:
    /// <c>.AddStandardResilienceHandler(o =&gt; o.Retry.ShouldHandle = _ =&gt; ValueTask.FromResult(false))</c>.
    /// </remarks>
    /// <typeparam name="TClient">The generated client type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="factory">Creates the client from the HttpClient and options (generated code supplies this).</param>
    /// <param name="configure">Sets options in code, e.g. the API key.</param>
    /// <returns>The HttpClient builder, for chaining handlers such as <c>AddStandardResilienceHandler()</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="factory"/> is null.</exception>
    public static IHttpClientBuilder AddCatchAllClient<TClient>(
        this IServiceCollection services,
        Func<HttpClient, CatchAllClientOptions, TClient> factory,
        Action<CatchAllClientOptions>? configure = null)
        where TClient : class
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (factory is null)
        {
            throw new ArgumentNullException(nameof(factory));
        }

        var name = ClientName<TClient>();
        if (configure is not null)
        {
            services.AddOptions<CatchAllClientOptions>(name).Configure(configure);
        }

        return Register(services, name, factory);
    }

    /// <summary>
    /// Registers <typeparamref name="TClient"/> like <see cref="AddCatchAllClient{TClient}(IServiceCollection, Func{HttpClient, CatchAllClientOptions, TClient}, Action{CatchAllClientOptions}?)"/>,
    /// reading options from a configuration section and following its reloads.
    /// </summary>
    /// <remarks>
    /// Keys: <c>ApiKey</c>, <c>BaseAddress</c> (absolute URI), <c>Timeout</c> (<c>hh:mm:ss</c> or <c>Infinite</c>),
    /// <c>UserAgent</c>, <c>MaxResponseBodySize</c> and <c>MaxErrorBodySize</c> (bytes), <c>Retry:MaxAttempts</c>, <c>Retry:BaseDelay</c>,
    /// <c>Retry:MaxDelay</c>, <c>Retry:MaxRetryAfter</c>, <c>Retry:RetryNonIdempotent</c>.
    /// Keys are read by hand, without the reflection binder, so this is trim- and AOT-safe. An invalid value
    /// throws <see cref="InvalidOperationException"/> naming the key when the client is first resolved.
    /// </remarks>
    /// <typeparam name="TClient">The generated client type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="factory">Creates the client from the HttpClient and options (generated code supplies this).</param>
    /// <param name="configuration">The section holding the keys, e.g. <c>configuration.GetSection("CatchAll")</c>.</param>
    /// <returns>The HttpClient builder, for chaining handlers such as <c>AddStandardResilienceHandler()</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IHttpClientBuilder AddCatchAllClient<TClient>(
        this IServiceCollection services,
        Func<HttpClient, CatchAllClientOptions, TClient> factory,
        IConfiguration configuration)
        where TClient : class
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (factory is null)
        {
            throw new ArgumentNullException(nameof(factory));
        }

        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        var name = ClientName<TClient>();
        services.AddOptions<CatchAllClientOptions>(name).Configure(options => CatchAllConfigurationReader.Apply(configuration, options));
        services.AddSingleton<IOptionsChangeTokenSource<CatchAllClientOptions>>(new ConfigurationChangeTokenSource<CatchAllClientOptions>(name, configuration));
        return Register(services, name, factory);
    }

    private static IHttpClientBuilder Register<TClient>(IServiceCollection services, string name, Func<HttpClient, CatchAllClientOptions, TClient> factory)
        where TClient : class
    {
        services.AddOptions<CatchAllClientOptions>(name).PostConfigure<IServiceProvider>((options, provider) =>
        {
            options.LoggerFactory ??= provider.GetService<ILoggerFactory>();
            if (ReferenceEquals(options.TimeProvider, TimeProvider.System) && provider.GetService<TimeProvider>() is TimeProvider registered)
            {
                options.TimeProvider = registered;
            }
        });

        var builder = services.AddHttpClient(name, client => client.Timeout = Timeout.InfiniteTimeSpan);

        // The pipeline follows same-origin redirects itself; a handler following them would forward the key anywhere.
        builder.ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false });

        // A primary handler configured later (ConfigurePrimaryHttpMessageHandler, ConfigureHttpClientDefaults) would
        // follow redirects again, and one going A -> B -> A hands the key to B unseen: the pipeline sees only the
        // final URI. Post-configuration runs after every Configure, so this action is the last to touch the handler.
        services.PostConfigure<HttpClientFactoryOptions>(name, factoryOptions => factoryOptions.HttpMessageHandlerBuilderActions.Add(RedirectGuard.Apply));
        services.AddTransient(provider =>
        {
            var httpClient = provider.GetRequiredService<IHttpClientFactory>().CreateClient(name);
            var options = provider.GetRequiredService<IOptionsMonitor<CatchAllClientOptions>>().Get(name);
            return factory(httpClient, options);
        });
        return builder;
    }

    private static string ClientName<TClient>() => typeof(TClient).FullName ?? typeof(TClient).Name;
}
