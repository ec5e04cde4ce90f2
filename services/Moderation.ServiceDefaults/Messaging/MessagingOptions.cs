using System.ComponentModel.DataAnnotations;

namespace Moderation.ServiceDefaults.Messaging;

/// <summary>Section <c>Messaging</c>.</summary>
public sealed class MessagingOptions : IValidatableObject
{
    public const string Section = "Messaging";

    /// <summary>Default <see cref="MessagingTransport.InMemory"/>.</summary>
    public MessagingTransport Transport { get; set; } = MessagingTransport.InMemory;

    /// <summary><c>amqp://user:password@host:5672/vhost</c>; required with the RabbitMQ transport.</summary>
    public string? RabbitMqUri { get; set; }

    /// <summary>
    /// Every node of a RabbitMQ cluster as <c>host</c> or <c>host:port</c> (<c>Messaging:RabbitMqNodes:0</c>, <c>:1</c>, ...).
    /// The services connect to the first that answers and move to another when it is lost; user, password and virtual
    /// host still come from <see cref="RabbitMqUri"/>. Empty (the default): only the host of <see cref="RabbitMqUri"/>.
    /// </summary>
    public List<string> RabbitMqNodes { get; set; } = [];

    /// <summary>Declare queues as quorum queues (replicated on a RabbitMQ cluster). Default false.</summary>
    public bool QuorumQueues { get; set; }

    /// <summary>Messages each consumer takes at once. Default 16.</summary>
    [Range(1, 1000)]
    public int PrefetchCount { get; set; } = 16;

    /// <summary>Immediate retries of a failing message before it goes to its <c>_error</c> queue. Default 5.</summary>
    [Range(0, 20)]
    public int RetryLimit { get; set; } = 5;

    /// <summary>First retry interval; later ones grow exponentially up to 10 seconds. Default 200 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The longest wait between two attempts to reconnect to a lost broker (MassTransit's own is 30 s); readiness turns
    /// back to 200 within about this long of the broker's return. Default 2 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "00:01:00")]
    public TimeSpan ReconnectMaxInterval { get; set; } = TimeSpan.FromSeconds(2);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Transport == MessagingTransport.RabbitMq &&
            !Uri.TryCreate(RabbitMqUri, UriKind.Absolute, out _))
        {
            yield return new ValidationResult(
                "Messaging:RabbitMqUri must be an absolute amqp:// URI when Messaging:Transport is RabbitMq.",
                [nameof(RabbitMqUri)]);
        }

        foreach (var node in RabbitMqNodes.Where(node => !IsNodeAddress(node)))
        {
            yield return new ValidationResult(
                $"Messaging:RabbitMqNodes: '{node}' is not a host or host:port.", [nameof(RabbitMqNodes)]);
        }
    }

    private static bool IsNodeAddress(string? node) =>
        !string.IsNullOrWhiteSpace(node) && !node.Contains('/', StringComparison.Ordinal) &&
        Uri.TryCreate($"amqp://{node}", UriKind.Absolute, out var uri) && uri.Host.Length > 0 && uri.UserInfo.Length == 0;
}
