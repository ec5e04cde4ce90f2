namespace Moderation.Load;

/// <summary>
/// What a news site's readers post: mostly clean comments from many authors, some abusive, some with a link. Texts are
/// varied per comment so the duplicate rule judges them as a site would see them, not as one spammer.
/// </summary>
public static class CommentMix
{
    private static readonly string[] Openings =
    [
        "A clear summary of the talks", "I wonder what the leaders will say next week", "The council vote deserves a follow-up",
        "Good reporting with quotes from both sides", "My town had the same problem with the bridge repairs",
        "The numbers in the second chart surprised me", "Thanks for explaining the budget so plainly",
        "I disagree with the columnist about the tram line", "Interesting interview with the harbour master",
        "The match report missed the second half comeback",
    ];

    private static readonly string[] Endings =
    [
        "and I hope you keep covering it", "though the headline oversells it", "which nobody else reported",
        "and my neighbours agree", "but the photos tell a different story", "so thank you for the detail",
        "even if the timing is odd", "and the comments here are thoughtful",
    ];

    private static readonly string[] Abusive =
    [
        "You are a stupid idiot and everyone here knows it",
        "Shut up you worthless moron, nobody wants your opinion",
        "What a pathetic loser, go crawl back under your rock you idiot",
    ];

    /// <summary>90% clean, 6% abusive, 4% with a link (half of those from a new account).</summary>
    public static (string AuthorId, string Body, int? AccountAgeDays) Comment(int index, Random random)
    {
        var author = $"reader-{random.Next(20_000)}";
        var roll = random.Next(100);
        if (roll < 6)
        {
            return (author, $"{Abusive[random.Next(Abusive.Length)]} (#{index})", null);
        }

        var text = $"{Openings[random.Next(Openings.Length)]}, {Endings[random.Next(Endings.Length)]} (#{index}).";
        if (roll < 10)
        {
            return (author, $"{text} More at https://example.org/story/{index}", random.Next(2) == 0 ? 1 : 400);
        }

        return (author, text, random.Next(2) == 0 ? null : 30 + random.Next(2000));
    }
}
