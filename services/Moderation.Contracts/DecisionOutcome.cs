namespace Moderation.Contracts;

public enum DecisionOutcome
{
    Approve,
    Flag,
    Reject,
}
