using Moderation.Storage.Review;

namespace Moderation.Review.Api.Models;

/// <summary>
/// A page of the article's comments known to Review, newest first; each <see cref="ReviewComment.Outcome"/> says where
/// it is (approved: published). <see cref="Next"/> is the offset of the next page, null on the last.
/// </summary>
public sealed record ArticleViewResponse(ArticleSummary Article, IReadOnlyList<ReviewComment> Items, int Offset, int? Next);
