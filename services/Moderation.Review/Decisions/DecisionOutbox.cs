using MassTransit;
using Moderation.Contracts;
using Moderation.Storage.Review;

namespace Moderation.Review.Decisions;

/// <summary>
/// Carries out what a recorded decision still owes, from the queue item itself: its audit entry appended to the audit
/// log, the author's log updated, its event (CommentApproved or CommentRejected) sent; then marks it sent. The decision
/// is stored first with its audit entry and its event marked unsent, in the same write; a step that fails, or a crash
/// before the mark, leaves it unsent, and <see cref="DecisionRelay"/> does it all again. Every step is idempotent (the
/// audit entry keeps its id, consumers ignore a repeat), so doing it twice is harmless; never doing it is impossible.
/// </summary>
public sealed partial class DecisionOutbox(
    IReviewQueueStore queue,
    IReviewAuditStore audit,
    IReviewCommentLogStore comments,
    IBus bus,
    ILogger<DecisionOutbox> logger)
{
    /// <summary>Decided items taken per relay pass.</summary>
    public const int BatchSize = 100;

    /// <summary>Appends the audit entry, updates the author's log, publishes the event (awaiting the broker's confirm) and marks it sent.</summary>
    public async Task SendAsync(ReviewItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Review is not { } review)
        {
            throw new ArgumentException("Only a decided item has an event to send.", nameof(item));
        }

        if (item.Audit is { } entry)
        {
            await audit.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
        }

        await comments.SetOutcomeAsync(
            item.Comment.Id,
            item.Status == ReviewItemStatus.Approved ? ReviewCommentOutcome.Approved : ReviewCommentOutcome.Rejected,
            cancellationToken).ConfigureAwait(false);

        switch (item.Status)
        {
            case ReviewItemStatus.Approved:
                await bus.Publish(new CommentApproved(item.Comment, review), cancellationToken).ConfigureAwait(false);
                break;
            case ReviewItemStatus.Rejected:
                await bus.Publish(new CommentRejected(item.Comment, review), cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new ArgumentException("Only a decided item has an event to send.", nameof(item));
        }

        await queue.MarkDecisionSentAsync(item.Comment.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends, right after the decision, without failing the request: what fails here the relay sends later.</summary>
    public async Task TrySendAsync(ReviewItem item, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(item, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogDeferred(logger, item.Comment.Id, exception);
        }
    }

    /// <summary>One relay pass: sends every unsent decision, oldest first. Returns how many were sent.</summary>
    public async Task<int> RelayAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        IReadOnlyList<ReviewItem> batch;
        do
        {
            batch = await queue.ListUnsentDecisionsAsync(BatchSize, cancellationToken).ConfigureAwait(false);
            foreach (var item in batch)
            {
                await SendAsync(item, cancellationToken).ConfigureAwait(false);
                sent++;
            }
        }
        while (batch.Count == BatchSize);

        return sent;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Decision on comment {CommentId} is recorded; its event will be relayed")]
    private static partial void LogDeferred(ILogger logger, Guid commentId, Exception exception);
}
