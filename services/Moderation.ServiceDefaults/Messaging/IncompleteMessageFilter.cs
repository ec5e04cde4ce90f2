using MassTransit;
using Moderation.Contracts;

namespace Moderation.ServiceDefaults.Messaging;

/// <summary>
/// Refuses a decision event without its comment or decision as each message is received, before it reaches any consumer,
/// with a <see cref="MessageValidationException"/>: that message alone goes to the endpoint's <c>_error</c> queue. It sits
/// on the receive endpoint, not on a consumer, because a batch consumer's messages are collected before its own filters:
/// such a message joined a batch (Publishing's and Ingestion's) and failed the whole batch, good decisions and all.
/// </summary>
public sealed class IncompleteMessageFilter : IFilter<ConsumeContext>
{
    public Task Send(ConsumeContext context, IPipe<ConsumeContext> next) =>
        Missing(context) is { } what
            ? throw new MessageValidationException($"Message {context.MessageId} has no {what}.")
            : next.Send(context);

    public void Probe(ProbeContext context) => context.CreateFilterScope("incomplete-message");

    /// <summary>What a decision event lacks that every consumer of it needs; null when it is complete or not one.</summary>
    private static string? Missing(ConsumeContext context) =>
        context.TryGetMessage<CommentModerated>(out var moderated) ? Missing(moderated.Message.Comment, moderated.Message.Decision)
        : context.TryGetMessage<CommentApproved>(out var approved) ? Missing(approved.Message.Comment, approved.Message.Decision)
        : context.TryGetMessage<CommentRejected>(out var rejected) ? Missing(rejected.Message.Comment, rejected.Message.Decision)
        : null;

    private static string? Missing(Comment? comment, object? decision) =>
        comment is not { SiteId: not null, Author.Id: not null } ? "comment, site or author"
        : decision is null ? "decision"
        : null;
}
