using MassTransit;
using Moderation.Contracts;
using Moderation.Storage;
using Moderation.Storage.Erasure;

namespace Moderation.Publishing.Erasure;

/// <summary>Erases the author from the Publishing service's own stores, after recording the erasure so nothing of theirs is written again.</summary>
public sealed class PublishingEraseAuthorConsumer([FromKeyedServices(StoreOwner.Publishing)] IAuthorErasureStore erasure) : IConsumer<AuthorErased>
{
    public async Task Consume(ConsumeContext<AuthorErased> context)
    {
        var erased = context.Message;
        await erasure.RecordAsync(erased.SiteId, erased.AuthorId, erased.ErasedAt, context.CancellationToken);
        await erasure.EraseAsync(erased.SiteId, erased.AuthorId, context.CancellationToken);
    }
}
