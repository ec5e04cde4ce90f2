using System.Diagnostics;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Moderation.Load;

/// <summary>
/// What the broker can deliver at all on this machine right now: RabbitMQ.Client publishing persistent messages to a
/// durable queue with publisher confirms (100 in flight), one consumer acknowledging each one manually (prefetch 200).
/// </summary>
public static class RawBrokerBaseline
{
    public static async Task<double> MeasureAsync(string uri, int messages, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(uri) };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        var queue = $"load-baseline-{Guid.NewGuid():N}";
        await using var publisher = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true,
                outstandingPublisherConfirmationsRateLimiter: null),
            cancellationToken);
        await publisher.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);

        await using var consumerChannel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await consumerChannel.BasicQosAsync(0, 200, false, cancellationToken);
        var consumed = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumer = new AsyncEventingBasicConsumer(consumerChannel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            await consumerChannel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            if (Interlocked.Increment(ref consumed) == messages)
            {
                done.TrySetResult();
            }
        };
        await consumerChannel.BasicConsumeAsync(queue, autoAck: false, consumer, cancellationToken);

        // About the size of a CommentSubmitted envelope.
        var body = new byte[1200];
        Random.Shared.NextBytes(body);
        var properties = new BasicProperties { Persistent = true, ContentType = "application/octet-stream" };
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < messages)
            {
                await publisher.BasicPublishAsync(string.Empty, queue, mandatory: false, properties, body, cancellationToken);
            }
        }, cancellationToken)));
        await done.Task.WaitAsync(TimeSpan.FromMinutes(5), cancellationToken);
        var rate = messages / clock.Elapsed.TotalSeconds;
        await publisher.QueueDeleteAsync(queue, cancellationToken: cancellationToken);
        return rate;
    }
}
