namespace Moderation.Storage.Publishing;

public enum CommentOrder
{
    OldestFirst,
    NewestFirst,
}
