namespace Moderation.Review.Api.Models;

/// <summary>
/// The queue's filters and order as query parameters, shared by the listing, claim-next and bulk actions. Blank means
/// any; <c>q</c> is text the body or author name contains; <c>order</c> is oldest (default), newest or score; <c>view</c>
/// is <c>reported</c> (published comments readers reported), <c>flagged</c> (what the rules held) or <c>all</c> (default).
/// </summary>
public sealed record QueueFilter(string? Article, string? Category, string? Author, string? Rule, string? Q, string? Order, string? View);
