namespace Moderation.Contracts;

/// <summary>
/// Published by the moderation worker for every comment it decides. <paramref name="OpenReports"/> is set when the
/// worker decided a published comment again because readers reported it (<see cref="CommentReportsCounted"/>): the
/// number of open reports it decided with. Null on a comment's first decision.
/// </summary>
public sealed record CommentModerated(Comment Comment, ModerationDecision Decision, int? OpenReports = null)
{
    /// <summary>The comment and its decision, as consumers read them before <see cref="OpenReports"/> was added.</summary>
    public void Deconstruct(out Comment comment, out ModerationDecision decision) => (comment, decision) = (Comment, Decision);
}
