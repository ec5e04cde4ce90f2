using MassTransit;
using Microsoft.Extensions.Options;

namespace Moderation.ServiceDefaults.Messaging;

/// <summary>
/// The one retry policy every consumer shares: exponential retries of transient faults, never of a
/// <see cref="MessageValidationException"/>, then the <c>_error</c> queue. Messages a consumer publishes are held
/// in an in-memory outbox until it succeeds, so a retried message never publishes twice.
/// </summary>
public abstract class ModerationConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    private readonly MessagingOptions options;

    protected ModerationConsumerDefinition(IOptions<MessagingOptions> options)
    {
        this.options = options.Value;
        ConcurrentMessageLimit = this.options.PrefetchCount;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Exponential(
                options.RetryLimit,
                options.RetryMinInterval,
                TimeSpan.FromSeconds(10),
                options.RetryMinInterval);
            retry.Ignore<MessageValidationException>();
        });
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
