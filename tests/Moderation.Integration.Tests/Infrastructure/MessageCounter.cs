using System.Collections.Concurrent;
using MassTransit;

namespace Moderation.Integration.Tests.Infrastructure;

/// <summary>Counts, per comment id, the messages of one type a bus published; observed on the real bus.</summary>
public sealed class MessageCounter<T>(Func<T, Guid> commentId) : IPublishObserver
    where T : class
{
    private readonly ConcurrentDictionary<Guid, int> published = new();

    public int Published(Guid id) => published.GetValueOrDefault(id);

    public Task PrePublish<TMessage>(PublishContext<TMessage> context)
        where TMessage : class => Task.CompletedTask;

    public Task PostPublish<TMessage>(PublishContext<TMessage> context)
        where TMessage : class
    {
        if (context.Message is T message)
        {
            published.AddOrUpdate(commentId(message), 1, (_, count) => count + 1);
        }

        return Task.CompletedTask;
    }

    public Task PublishFault<TMessage>(PublishContext<TMessage> context, Exception exception)
        where TMessage : class => Task.CompletedTask;
}
