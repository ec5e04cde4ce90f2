using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Moderation.ServiceDefaults.Erasure;

namespace Moderation.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// One bus per process. Each service module adds its consumers through <paramref name="registerConsumers"/>,
    /// so the single-machine host registers every module's consumers on the same bus.
    /// </summary>
    public static IHostApplicationBuilder AddModerationMessaging(
        this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator> registerConsumers)
    {
        builder.Services.AddOptions<MessagingOptions>()
            .BindConfiguration(MessagingOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // A service counts as started only once its bus is: otherwise a service stopped right after it started leaves
        // a bus still starting behind it, which then consumes messages with a disposed container and faults them.
        // A broker that stays unreachable fails the start after a minute, so the orchestrator restarts the service.
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(host =>
        {
            host.WaitUntilStarted = true;
            host.StartTimeout = TimeSpan.FromSeconds(60);
            host.StopTimeout = TimeSpan.FromSeconds(30);
            host.ConsumerStopTimeout = TimeSpan.FromSeconds(20);
        });

        var options = builder.Configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new();
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            registerConsumers(bus);
            bus.AddConfigureEndpointsCallback((_, endpoint) => endpoint.UseFilter(new IncompleteMessageFilter()));
            bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                if (context.GetService<IErasedAuthors>() is { } erased)
                {
                    endpoint.UseFilter(new ErasedAuthorFilter(erased));
                }
            });

            if (options.Transport == MessagingTransport.RabbitMq && Uri.TryCreate(options.RabbitMqUri, UriKind.Absolute, out var uri))
            {
                if (options.QuorumQueues)
                {
                    bus.AddConfigureEndpointsCallback((_, endpoint) =>
                    {
                        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                        {
                            rabbit.SetQuorumQueue();
                        }
                    });
                }

                bus.UsingRabbitMq((context, rabbit) =>
                {
                    if (!BrokerReconnect.TryShorten(rabbit, options.ReconnectMaxInterval))
                    {
                        context.GetService<ILoggerFactory>()?.CreateLogger(typeof(BrokerReconnect)).LogWarning(
                            "MassTransit's RabbitMQ host no longer has the reconnect policy BrokerReconnect shortens: " +
                            "reconnecting on MassTransit's own schedule, up to 30 s apart.");
                    }

                    rabbit.Host(uri, host =>
                    {
                        // A cluster: connect to any node, and to another when the one in use is lost.
                        if (options.RabbitMqNodes.Count > 0)
                        {
                            host.UseCluster(cluster => options.RabbitMqNodes.ForEach(cluster.Node));
                        }
                    });
                    rabbit.PrefetchCount = options.PrefetchCount;
                    rabbit.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, memory) =>
                {
                    memory.ConfigureEndpoints(context);
                });
            }
        });
        return builder;
    }
}
