using MassTransit;
using Moderation.Contracts;

namespace Moderation.Worker.Moderating;

/// <summary>Decides each submitted comment and publishes the decision. Deciding again on redelivery is harmless.</summary>
public sealed class ModerateCommentConsumer(CommentModerator moderator) : IConsumer<CommentSubmitted>
{
    public async Task Consume(ConsumeContext<CommentSubmitted> context)
    {
        var decision = await moderator.DecideAsync(context.Message, context.CancellationToken);
        await context.Publish(new CommentModerated(context.Message.Comment, decision), context.CancellationToken);
    }
}
