using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Api.Tests.Infrastructure;
using Moderation.Storage.Review;
using Moderation.Testing;

namespace Moderation.Api.Tests;

public sealed class ComposedPipelineTests(ComposedHost host) : PipelineScenarios, IClassFixture<ComposedHost>
{
    protected override SiteApiClient Site => host.Site;

    protected override IReviewQueueStore ReviewQueue => host.Host.Services.GetRequiredService<IReviewQueueStore>();

    protected override Task PublishAsync(object message) => host.Host.Services.GetRequiredService<IBus>().Publish(message);
}
