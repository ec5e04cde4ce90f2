namespace Moderation.Client.Models;

/// <summary>What the site knows about the author, for rules such as "hold a new commenter's link"; every field optional.</summary>
public sealed record AuthorSignals(int? AccountAgeDays = null, int? ApprovedComments = null);
