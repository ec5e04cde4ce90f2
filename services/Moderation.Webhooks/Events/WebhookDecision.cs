using Moderation.Contracts;

namespace Moderation.Webhooks.Events;

/// <summary>
/// Who decided and why: <c>by</c> is <c>rules</c> (with score, hits and ruleset version) or <c>moderator</c>
/// (with the moderator's id and reason, and the message the moderator left for the commenter, if any). <c>reports</c> is
/// set when the rules decided a published comment again because readers reported it: how many open reports they saw.
/// </summary>
public sealed record WebhookDecision(
    string Outcome,
    string By,
    DateTimeOffset DecidedAt,
    double? Score = null,
    IReadOnlyList<RuleHit>? Hits = null,
    string? RulesetVersion = null,
    string? ModeratorId = null,
    string? Reason = null,
    string? MessageToAuthor = null,
    int? Reports = null);
