namespace Moderation.Storage.Review;

/// <summary>A moderator decides the queues of the sites granted to them; an admin also manages moderators and sees every site.</summary>
public enum ModeratorRole
{
    Moderator,
    Admin,
}
