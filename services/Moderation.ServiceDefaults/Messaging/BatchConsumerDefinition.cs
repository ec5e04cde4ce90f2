using MassTransit;
using Microsoft.Extensions.Options;

namespace Moderation.ServiceDefaults.Messaging;

/// <summary>
/// A batch consumer on a queue it shares with a per-message consumer of the service, so a message still costs one
/// delivery there: batches of up to <see cref="BatchLimits.MessageLimit"/> messages, or what arrived within
/// <see cref="BatchLimits.Window"/>; one batch at a time (the store writes a batch in one transaction, and SQLite has
/// one writer anyway). A failed batch is retried as a whole, with the same policy as every consumer.
/// </summary>
public abstract class BatchConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    private readonly MessagingOptions options;

    protected BatchConsumerDefinition(IOptions<MessagingOptions> options, string queue)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        EndpointName = queue;
        ConcurrentMessageLimit = BatchLimits.EndpointLimit(this.options);
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        var limit = BatchLimits.EndpointLimit(options);
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.PrefetchCount = limit;
        }

        endpointConfigurator.ConcurrentMessageLimit = limit;
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(BatchLimits.MessageLimit)
            .SetTimeLimit(BatchLimits.Window)
            .SetConcurrencyLimit(1));
        consumerConfigurator.UseMessageRetry(retry => retry.Exponential(
            options.RetryLimit, options.RetryMinInterval, TimeSpan.FromSeconds(10), options.RetryMinInterval));
    }
}
