using MassTransit;
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
    }
}
