namespace Moderation.Review.Accounts;

public enum AccountCreation
{
    Created,
    UsernameTaken,
    Invalid,
}
