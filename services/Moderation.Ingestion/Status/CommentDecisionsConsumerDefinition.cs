using MassTransit;
using Microsoft.Extensions.Options;
using Moderation.ServiceDefaults.Messaging;

namespace Moderation.Ingestion.Status;

/// <summary>
/// On the same queue as <see cref="CommentStatusConsumer"/> (<c>comment-status</c>), so a comment still costs one
/// delivery there. Batches of up to <see cref="BatchLimit"/> decisions, or what arrived within
/// <see cref="BatchWindow"/>; one batch at a time, since the store has one writer anyway. A failed batch is retried
/// as a whole, with the same policy as every consumer.
/// </summary>
public sealed class CommentDecisionsConsumerDefinition : ConsumerDefinition<CommentDecisionsConsumer>
{
    public const int BatchLimit = 100;
    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(50);

    private readonly MessagingOptions options;

    public CommentDecisionsConsumerDefinition(IOptions<MessagingOptions> options)
    {
        this.options = options.Value;
        EndpointName = CommentStatusConsumerDefinition.Queue;
        ConcurrentMessageLimit = EndpointLimit(this.options);
    }

    /// <summary>
    /// What the shared endpoint takes at once: a batch can only be as large as that. Both consumers of the queue state
    /// it, so whichever definition MassTransit applies last, the endpoint gets the same.
    /// </summary>
    public static int EndpointLimit(MessagingOptions options) => Math.Max(BatchLimit, options.PrefetchCount);

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<CommentDecisionsConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        var limit = EndpointLimit(options);
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.PrefetchCount = limit;
        }

        endpointConfigurator.ConcurrentMessageLimit = limit;
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(BatchLimit)
            .SetTimeLimit(BatchWindow)
            .SetConcurrencyLimit(1));
        consumerConfigurator.UseMessageRetry(retry => retry.Exponential(
            options.RetryLimit, options.RetryMinInterval, TimeSpan.FromSeconds(10), options.RetryMinInterval));
    }
}
