namespace Moderation.Contracts;

/// <summary>What a site may tell us about the author along with a comment; every field is optional.</summary>
public sealed record AuthorSignals(int? AccountAgeDays = null, int? ApprovedComments = null);
