namespace Moderation.ServiceDefaults.Messaging;

/// <summary>The size and wait of every batch consumer (<see cref="BatchConsumerDefinition{TConsumer}"/>).</summary>
public static class BatchLimits
{
    public const int MessageLimit = 100;

    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// What a queue with a batch consumer takes at once: a batch can only be as large as that. Every consumer of the
    /// queue states it, so whichever definition MassTransit applies last, the endpoint gets the same.
    /// </summary>
    public static int EndpointLimit(MessagingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Math.Max(MessageLimit, options.PrefetchCount);
    }
}
