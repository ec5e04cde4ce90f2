using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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

        var options = builder.Configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new();
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            registerConsumers(bus);

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
                    rabbit.Host(uri);
                    rabbit.PrefetchCount = options.PrefetchCount;
                    rabbit.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, memory) => memory.ConfigureEndpoints(context));
            }
        });
        return builder;
    }
}
