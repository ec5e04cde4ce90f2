using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Options;
using Moderation.Contracts;
using Moderation.Ingestion.Messaging;
using Moderation.Storage.Activity;
using Moderation.Storage.Comments;

namespace Moderation.Ingestion.Submissions;

/// <summary>
/// One relay pass over the submission outbox: claims a batch of accepted comments whose event is unsent, appends each to
/// its author's history (getting back, in the same atomic step, what the author posted before it), publishes the
/// <see cref="CommentSubmitted"/> events together, marks the confirmed ones sent and hands the others back with a
/// growing backoff. A pass that dies anywhere leaves its comments unsent; their lease lapses and any replica's relay
/// does them again: the history append and the consumers are idempotent, so a repeat is harmless and a loss impossible.
/// </summary>
public sealed partial class SubmissionOutbox(
    ISubmissionOutboxStore outbox,
    IAuthorHistoryStore authorHistory,
    IBus bus,
    TimeProvider clock,
    IOptions<IngestionOptions> options,
    ILogger<SubmissionOutbox> logger)
{
    /// <summary>The relay's spans (one per relayed comment, in the submit's trace).</summary>
    public const string TraceSourceName = "Moderation.Ingestion.SubmissionRelay";

    private static readonly ActivitySource Trace = new(TraceSourceName);

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(500);

    /// <summary>Relays one batch; returns how many comments it claimed (sent or not).</summary>
    public async Task<RelayPass> RelayOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var batch = await outbox.ClaimAsync(settings.RelayBatchSize, now, now + settings.RelayLease, cancellationToken).ConfigureAwait(false);
        if (batch.Count == 0)
        {
            return new RelayPass(0, 0);
        }

        CommentSubmitted[] messages;
        try
        {
            messages = await WithHistoryAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            await outbox.ReleaseAsync([.. batch.Select(item => item.CommentId)], RetryAt(batch), CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        var failures = await Task.WhenAll(messages.Select(
            (message, index) => PublishInItsTraceAsync(message, batch[index].TraceParent, cancellationToken))).ConfigureAwait(false);
        var sent = new List<Guid>(messages.Length);
        var unsent = new List<OutgoingSubmission>();
        for (var index = 0; index < messages.Length; index++)
        {
            if (failures[index] is null)
            {
                sent.Add(messages[index].Comment.Id);
            }
            else
            {
                unsent.Add(batch[index]);
            }
        }

        await outbox.MarkSentAsync(sent, cancellationToken).ConfigureAwait(false);
        if (unsent.Count > 0)
        {
            var retryAt = RetryAt(unsent);
            LogUnconfirmed(logger, unsent.Count, retryAt, failures.First(failure => failure is not null));
            await outbox.ReleaseAsync([.. unsent.Select(item => item.CommentId)], retryAt, cancellationToken).ConfigureAwait(false);
        }

        return new RelayPass(batch.Count, sent.Count);
    }

    /// <summary>
    /// Publishes under a span whose parent is the submit that accepted the comment, so the event and every hop after it
    /// stay in the submit's trace although the request has long been answered.
    /// </summary>
    private async Task<Exception?> PublishInItsTraceAsync(CommentSubmitted message, string? traceParent, CancellationToken cancellationToken)
    {
        using var relayed = traceParent is null
            ? null
            : Trace.StartActivity("relay CommentSubmitted", ActivityKind.Internal, traceParent);
        return await bus.TryPublishWithinAsync(message, options.Value.PublishTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>All of the batch's history appends in one store call (one SQLite transaction).</summary>
    private async Task<CommentSubmitted[]> WithHistoryAsync(IReadOnlyList<OutgoingSubmission> batch, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var histories = await authorHistory.AppendManyAsync(
            [.. batch.Select(item => item.Message.Comment).Select(comment =>
                new AuthorActivity(comment.Id, comment.SiteId, comment.Author.Id, comment.SubmittedAt, comment.Body))],
            settings.AuthorHistoryWindow,
            settings.AuthorHistoryLimit,
            cancellationToken).ConfigureAwait(false);
        var messages = new CommentSubmitted[batch.Count];
        for (var index = 0; index < batch.Count; index++)
        {
            messages[index] = batch[index].Message with
            {
                AuthorHistory = [.. histories[index].Select(entry => new PriorSubmission(entry.CommentId, entry.SubmittedAt, entry.Text))],
            };
        }

        return messages;
    }

    /// <summary>0.5 s after the first failed attempt, doubling, at most <see cref="IngestionOptions.RelayMaxBackoff"/>.</summary>
    private DateTimeOffset RetryAt(IEnumerable<OutgoingSubmission> items)
    {
        var attempts = Math.Clamp(items.Max(item => item.Attempts), 1, 30);
        var backoff = TimeSpan.FromTicks(Math.Min(FirstBackoff.Ticks << (attempts - 1), options.Value.RelayMaxBackoff.Ticks));
        return clock.GetUtcNow() + backoff;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The broker did not confirm {Count} accepted comments; the relay tries them again at {RetryAt}")]
    private static partial void LogUnconfirmed(ILogger logger, int count, DateTimeOffset retryAt, Exception? exception);
}
