using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Moderation.Contracts;

namespace Moderation.ServiceDefaults.Telemetry;

/// <summary>
/// The pipeline's own instruments (meter <see cref="MeterName"/>), exported on <c>/metrics</c> as
/// <c>moderation_comments_submitted_total{site}</c>, <c>moderation_decisions_total{site,outcome}</c>,
/// <c>moderation_rule_hits_total{site,rule}</c>, <c>moderation_decision_latency_seconds</c>,
/// <c>moderation_review_pending{site}</c>, <c>moderation_moderator_decisions_total{site,outcome}</c> and
/// <c>moderation_ready</c>.
/// </summary>
public sealed class ModerationMetrics : IDisposable
{
    public const string MeterName = "Moderation";

    /// <summary>Submit-to-decision buckets in seconds: milliseconds when idle, minutes when a backlog builds.</summary>
    public static readonly IReadOnlyList<double> LatencyBuckets =
        [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

    private readonly Meter meter;
    private readonly SiteLabels sites;
    private readonly Counter<long> submitted;
    private readonly Counter<long> decisions;
    private readonly Counter<long> ruleHits;
    private readonly Histogram<double> latency;
    private readonly Counter<long> moderatorDecisions;
    private readonly ConcurrentDictionary<string, long> reviewPending = new(StringComparer.Ordinal);
    private int ready = 1;

    public ModerationMetrics(IMeterFactory meters, SiteLabels sites)
    {
        this.sites = sites;
        meter = meters.Create(MeterName);
        submitted = meter.CreateCounter<long>(
            "moderation.comments.submitted", "{comment}", "Comments accepted by the Ingestion API (the broker confirmed them).");
        decisions = meter.CreateCounter<long>(
            "moderation.decisions", "{comment}", "Comments the rules engine decided, by outcome.");
        ruleHits = meter.CreateCounter<long>(
            "moderation.rule.hits", "{comment}", "Decided comments each rule fired on.");
        latency = meter.CreateHistogram(
            "moderation.decision.latency", "s", "Time from a comment's submission to its decision by the rules engine.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        moderatorDecisions = meter.CreateCounter<long>(
            "moderation.moderator.decisions", "{comment}", "Flagged comments a moderator approved or rejected.");
        meter.CreateObservableGauge(
            "moderation.review.pending",
            () => reviewPending.Select(site => new Measurement<long>(site.Value, new KeyValuePair<string, object?>("site", site.Key))),
            "{comment}",
            "Flagged comments waiting for a moderator, per site.");
        meter.CreateObservableGauge(
            "moderation.ready",
            () => Volatile.Read(ref ready),
            description: "1 while this instance's readiness checks (broker, store) pass, 0 while one fails.");
    }

    public void CommentSubmitted(Comment comment) =>
        submitted.Add(1, new KeyValuePair<string, object?>("site", sites.For(comment.SiteId)));

    public void CommentDecided(Comment comment, ModerationDecision decision)
    {
        var site = new KeyValuePair<string, object?>("site", sites.For(comment.SiteId));
        decisions.Add(1, site, new KeyValuePair<string, object?>("outcome", Outcome(decision.Outcome)));
        foreach (var rule in decision.Hits.Select(hit => hit.Rule).Distinct(StringComparer.Ordinal))
        {
            ruleHits.Add(1, site, new KeyValuePair<string, object?>("rule", rule));
        }

        // Clocks of two machines can disagree by a little; a decision is never earlier than its submission.
        var seconds = Math.Max(0, (decision.DecidedAt - comment.SubmittedAt).TotalSeconds);
        latency.Record(seconds, site);
    }

    public void ModeratorDecided(Comment comment, bool approved) =>
        moderatorDecisions.Add(
            1,
            new KeyValuePair<string, object?>("site", sites.For(comment.SiteId)),
            new KeyValuePair<string, object?>("outcome", approved ? "approve" : "reject"));

    /// <summary>Sets what <c>moderation_review_pending{site}</c> reports; the Review service samples its queue.</summary>
    public void ReviewPending(string siteId, long pending) => reviewPending[sites.For(siteId)] = pending;

    /// <summary>Sets what <c>moderation_ready</c> reports; the readiness checks' publisher calls it.</summary>
    public void Ready(bool isReady) => Volatile.Write(ref ready, isReady ? 1 : 0);

    public void Dispose() => meter.Dispose();

    private static string Outcome(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Approve => "approve",
        DecisionOutcome.Flag => "flag",
        DecisionOutcome.Reject => "reject",
        _ => throw new UnreachableException($"Unknown outcome {outcome}."),
    };
}
