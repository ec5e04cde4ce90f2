using MassTransit;
using Moderation.Contracts;
using Moderation.ServiceDefaults.Erasure;
using Moderation.Storage;
using Moderation.Storage.Erasure;

namespace Moderation.Ingestion.Erasure;

/// <summary>Erases the author from the Ingestion service's own stores, after recording the erasure so nothing of theirs is written again.</summary>
public sealed class IngestionEraseAuthorConsumer([FromKeyedServices(StoreOwner.Ingestion)] IAuthorErasureStore erasure, TimeProvider clock)
    : IConsumer<AuthorErased>
{
    public Task Consume(ConsumeContext<AuthorErased> context) => erasure.EraseAsync(context.Message, ErasedAuthorCache.NegativeLifetime, clock, context.CancellationToken);
}
