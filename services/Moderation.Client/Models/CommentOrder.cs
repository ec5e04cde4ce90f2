namespace Moderation.Client.Models;

/// <summary>The order of an article's comments.</summary>
public enum CommentOrder
{
    /// <summary>Oldest first (the default).</summary>
    Oldest,

    /// <summary>Newest first.</summary>
    Newest,
}
