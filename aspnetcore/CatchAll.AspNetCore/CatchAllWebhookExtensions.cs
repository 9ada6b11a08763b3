using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers and maps the CatchAll webhook receiver.</summary>
public static class CatchAllWebhookExtensions
{
    private static readonly string[] Methods = ["POST", "PUT", "PATCH"];

    /// <summary>
    /// Registers the receiver: options bound from the <c>CatchAll:Webhooks</c> configuration section and then
    /// <paramref name="configure"/>, the bounded queue and the hosted service that runs handlers and drains on stop.
    /// </summary>
    public static IServiceCollection AddCatchAllWebhooks(this IServiceCollection services, Action<CatchAllWebhookOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<CatchAllWebhookOptions>()
            .Configure<IServiceProvider>(static (options, provider) =>
            {
                if (provider.GetService<IConfiguration>() is { } configuration)
                {
                    options.Bind(configuration.GetSection(CatchAllWebhookOptions.SectionName));
                }
            });
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.AddMetrics();
        services.AddLogging();
        if (!services.Any(d => d.ServiceType == typeof(WebhookQueue)))
        {
            services.AddSingleton<WebhookQueue>();
            services.AddSingleton<IHostedService>(static provider => provider.GetRequiredService<WebhookQueue>());
        }

        return services;
    }

    /// <summary>
    /// Maps the endpoint CatchAll delivers to (POST, and PUT or PATCH for webhooks configured so). It answers at once
    /// and calls <paramref name="handler"/> later from the queue, with a token cancelled only when shutdown runs out of time.
    /// </summary>
    /// <remarks>
    /// Delivery is at most once: the endpoint answers 200 as soon as the event is in the in-memory queue, so an event
    /// acknowledged and not yet handled is lost if the process crashes or shutdown runs out of
    /// <see cref="CatchAllWebhookOptions.ShutdownTimeout"/> (CatchAll will not send it again). For at least once,
    /// let the handler only write the event to durable storage (a table, a message broker, an outbox) and process it
    /// from there. A handler that throws is retried (<see cref="CatchAllWebhookOptions.MaxAttempts"/>); a failure around
    /// it is logged and the queue goes on with the next event.
    /// </remarks>
    public static IEndpointConventionBuilder MapCatchAllWebhooks(this IEndpointRouteBuilder endpoints, string pattern, Func<CatchAllWebhookEvent, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return endpoints.MapCatchAllWebhooks(pattern, (e, _, cancellationToken) => handler(e, cancellationToken));
    }

    /// <summary>
    /// As <see cref="MapCatchAllWebhooks(IEndpointRouteBuilder, string, Func{CatchAllWebhookEvent, CancellationToken, Task})"/>,
    /// with a service provider scoped to each handler attempt, for scoped services such as a DbContext.
    /// </summary>
    public static IEndpointConventionBuilder MapCatchAllWebhooks(this IEndpointRouteBuilder endpoints, string pattern, Func<CatchAllWebhookEvent, IServiceProvider, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        ArgumentNullException.ThrowIfNull(handler);
        var queue = endpoints.ServiceProvider.GetService<WebhookQueue>()
            ?? throw new InvalidOperationException("Call builder.Services.AddCatchAllWebhooks(...) before MapCatchAllWebhooks.");
        var endpoint = new WebhookEndpoint(queue, handler);
        return endpoints.MapMethods(pattern, Methods, endpoint.InvokeAsync).WithDisplayName("CatchAll webhooks " + pattern);
    }
}
