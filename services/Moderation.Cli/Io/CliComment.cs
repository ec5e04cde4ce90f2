using Moderation.Rules;

namespace Moderation.Cli.Io;

/// <summary>Comments read from a file carry no author, time or history: only the text rules apply to them.</summary>
internal static class CliComment
{
    public static CommentToModerate From(string text, string siteId) =>
        new(Guid.Empty, siteId, "cli", text, DateTimeOffset.UnixEpoch);
}
