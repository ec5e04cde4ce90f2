using System.Diagnostics;
using MassTransit.Logging;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Integration.Tests.Infrastructure;
using Moderation.Testing;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Moderation.Integration.Tests.Telemetry;

/// <summary>
/// One comment is one trace: the HTTP submit, the publish to RabbitMQ, the worker's consume and its publish, and the
/// consumes in Ingestion, Publishing and Review all carry the trace id the submit started, passed on in the message
/// headers. The spans are read from the tracer provider the service defaults set up.
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class TracingTests(DistributedSystem system)
{
    [Fact]
    public async Task Every_hop_of_an_approved_and_of_a_flagged_comment_shares_the_submit_requests_trace_id()
    {
        var collector = new ActivityCollector();
        system.Ingestion.Services.GetRequiredService<TracerProvider>().AddProcessor(collector);

        var approvedArticle = $"trace-{Guid.NewGuid():N}";
        var approved = await system.Site.SubmitAsync(
            approvedArticle, "A calm and useful summary, thanks for writing it.", authorId: $"trace-reader-{Guid.NewGuid():N}");
        var flaggedArticle = $"trace-{Guid.NewGuid():N}";
        var flagged = await system.Site.SubmitAsync(
            flaggedArticle, "Source document: https://example.org/source", authorId: $"trace-newcomer-{Guid.NewGuid():N}", accountAgeDays: 0);
        Assert.Equal("approved", (await system.Site.WaitForFinalStatusAsync(approved))!["status"]!.GetValue<string>());
        Assert.Equal("flagged", (await system.Site.WaitForFinalStatusAsync(flagged))!["status"]!.GetValue<string>());

        // Ingestion and Publishing take the decisions in batches: each message's consume span is MassTransit's batch
        // collector's, told apart by the queue. The worker's span is in the trace although Ingestion's relay, not the
        // request, published the comment (the outbox keeps the submit's trace parent).
        const string ingestionDecisions = "BatchConsumer@comment-status";
        await AssertOneTraceAsync(collector, approvedArticle, "ModerateCommentConsumer", ingestionDecisions, "BatchConsumer@publish-approved-comment");
        await AssertOneTraceAsync(collector, flaggedArticle, "ModerateCommentConsumer", ingestionDecisions, "QueueFlaggedCommentConsumer");
    }

    private static async Task AssertOneTraceAsync(ActivityCollector collector, string article, params string[] consumers)
    {
        var submit = collector.Spans.Single(span =>
            span.Kind == ActivityKind.Server && span.GetTagItem("url.path") is string path && path.Contains(article, StringComparison.Ordinal));
        var trace = submit.TraceId;
        Assert.NotEqual(default, trace);

        // Consumers in other services end their spans a moment after the status turned final.
        var inTrace = await Eventually.MatchesAsync(
            () => Task.FromResult(collector.Spans.Where(span => span.TraceId == trace).ToList()),
            spans => consumers.All(consumer => spans.Any(span => IsConsumeBy(span, consumer))),
            $"consume spans of {string.Join(", ", consumers)} in trace {trace} of article {article}");

        Assert.Contains(inTrace, span => span.Kind == ActivityKind.Producer && span.Source.Name == DiagnosticHeaders.DefaultListenerName);
        Assert.All(consumers, consumer => Assert.Contains(inTrace, span => IsConsumeBy(span, consumer)));
    }

    /// <summary>A consume span by <paramref name="consumer"/>'s type, or <c>Type@queue</c>: by that type on that queue (the span is named "queue process").</summary>
    private static bool IsConsumeBy(Activity span, string consumer)
    {
        var (name, queue) = consumer.Split('@') is [var type, var endpoint] ? (type, endpoint) : (consumer, null);
        return span.GetTagItem(DiagnosticHeaders.ConsumerType) is string consumerType &&
            (consumerType.EndsWith(name, StringComparison.Ordinal) || consumerType.Contains($"{name}<", StringComparison.Ordinal)) &&
            (queue is null || span.DisplayName.StartsWith($"{queue} ", StringComparison.Ordinal));
    }
}
