namespace Moderation.ServiceDefaults.Messaging;

public enum MessagingTransport
{
    /// <summary>Everything in one process; the single-machine default.</summary>
    InMemory,

    /// <summary>Durable queues on RabbitMQ; the distributed setup.</summary>
    RabbitMq,
}
