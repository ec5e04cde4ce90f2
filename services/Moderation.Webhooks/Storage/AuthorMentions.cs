using System.Text.Json;
using Moderation.Webhooks.Events;

namespace Moderation.Webhooks.Storage;

/// <summary>
/// How a stored event body names an author: as the comment's author, or as the reader who reported a comment. The
/// bodies are written by <see cref="WebhookEventFactory"/> with one serializer, so the author's id reads the same in all.
/// </summary>
public static class AuthorMentions
{
    public static IReadOnlyList<string> In(string authorId)
    {
        var id = JsonSerializer.Serialize(authorId, WebhookEventFactory.Json);
        return [$"\"author\":{{\"id\":{id},", $"\"reporterId\":{id},"];
    }

    public static bool Names(string body, IReadOnlyList<string> mentions) =>
        mentions.Any(mention => body.Contains(mention, StringComparison.Ordinal));
}
