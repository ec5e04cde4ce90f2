using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moderation.Worker.Erasure;
using Moderation.ServiceDefaults.Erasure;
using Moderation.Storage;
using Moderation.Rules;
using Moderation.Worker.Moderating;
using Moderation.Worker.Standing;

namespace Moderation.Worker;

/// <summary>The moderation worker: stateless, scaled out as competing consumers of one queue.</summary>
public static class WorkerModule
{
    public static IHostApplicationBuilder AddWorker(this IHostApplicationBuilder builder)
    {
        builder.Services.AddModerationRules(builder.Configuration);
        builder.Services.AddScoped<CommentModerator>();
        builder.Services.AddHostedService<ActivityPruner>();
        return builder;
    }

    public static void AddWorkerConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ModerateCommentConsumer, ModerateCommentConsumerDefinition>();
        bus.AddConsumer<RedecideReportedCommentConsumer, RedecideReportedCommentConsumerDefinition>();
        bus.AddConsumer<AuthorStandingConsumer, AuthorStandingConsumerDefinition>();
        bus.AddConsumer<WorkerEraseAuthorConsumer, WorkerEraseAuthorConsumerDefinition>();
        bus.TryAddSingleton<IErasedAuthors>(provider =>
        {
            var stores = provider.GetRequiredService<ModerationStores>();
            var record = new ErasureRecordSnapshots(stores.CountErasedAuthorsAsync, stores.ErasedAuthorKeysAsync, Moderation.Storage.Erasure.AuthorErasureKey.For);
            return new ErasedAuthorCache(stores.IsAuthorErasedAsync, provider.GetRequiredService<TimeProvider>(), record);
        });
    }
}
