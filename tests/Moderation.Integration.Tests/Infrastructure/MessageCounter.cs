using System.Collections.Concurrent;
using MassTransit;

namespace Moderation.Integration.Tests.Infrastructure;

/// <summary>Counts, per comment id, the messages of one type a bus published or consumed; observed on the real bus.</summary>
public sealed class MessageCounter<T>(Func<T, Guid> commentId) : IConsumeMessageObserver<T>, IPublishObserver
    where T : class
{
    private readonly ConcurrentDictionary<Guid, int> consumed = new();
    private readonly ConcurrentDictionary<Guid, int> published = new();

    public int Consumed(Guid id) => consumed.GetValueOrDefault(id);

    public int Published(Guid id) => published.GetValueOrDefault(id);

    public Task PreConsume(ConsumeContext<T> context) => Task.CompletedTask;

    public Task PostConsume(ConsumeContext<T> context)
    {
        consumed.AddOrUpdate(commentId(context.Message), 1, (_, count) => count + 1);
        return Task.CompletedTask;
    }

    public Task ConsumeFault(ConsumeContext<T> context, Exception exception) => Task.CompletedTask;

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
