namespace Moderation.Review.Decisions;

/// <summary>The fixed reasons a moderator picks from when rejecting (free text may be added to any of them).</summary>
public static class RejectReasons
{
    public static IReadOnlyList<RejectReason> All { get; } =
    [
        new("spam", "Spam or advertising"),
        new("abuse", "Abuse or harassment"),
        new("hate", "Hate speech"),
        new("off-topic", "Off topic"),
        new("personal-data", "Personal information"),
        new("illegal", "Illegal content"),
        new("other", "Other (explain in the note)"),
    ];

    public static bool IsKnown(string? code) => All.Any(reason => reason.Code == code);
}
