namespace Moderation.Storage.Articles;

/// <summary>How an article takes new comments.</summary>
public enum ArticleMode
{
    /// <summary>The rules decide: approved comments are published at once.</summary>
    Normal,

    /// <summary>Every comment the rules would approve is held for a moderator.</summary>
    Premoderate,

    /// <summary>New comments are refused with 409.</summary>
    Closed,
}
