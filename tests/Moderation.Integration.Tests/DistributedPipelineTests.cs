using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Integration.Tests.Infrastructure;
using Moderation.Storage.Review;
using Moderation.Testing;

namespace Moderation.Integration.Tests;

[Collection(DistributedCollection.Name)]
public sealed class DistributedPipelineTests(DistributedSystem system) : PipelineScenarios
{
    protected override SiteApiClient Site => system.Site;

    protected override IReviewQueueStore ReviewQueue => system.Review.Services.GetRequiredService<IReviewQueueStore>();

    protected override Task PublishAsync(object message) => system.Review.Services.GetRequiredService<IBus>().Publish(message);
}
