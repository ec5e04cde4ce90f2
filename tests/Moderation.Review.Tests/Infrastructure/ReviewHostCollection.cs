namespace Moderation.Review.Tests.Infrastructure;

/// <summary>Every test class shares one composed host and one browser; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ReviewHostCollection : ICollectionFixture<ReviewHost>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "review host";
}
