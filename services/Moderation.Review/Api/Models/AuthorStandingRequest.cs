namespace Moderation.Review.Api.Models;

/// <summary>
/// A new standing: normal, banned, premoderated or trusted. <c>Days</c> bounds a ban (1-3650; absent is permanent);
/// <c>Note</c> goes to the audit.
/// </summary>
public sealed record AuthorStandingRequest(string? Standing, int? Days, string? Note);
