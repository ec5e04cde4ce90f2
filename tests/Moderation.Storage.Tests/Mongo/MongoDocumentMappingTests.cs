using Moderation.Contracts;
using Moderation.Storage.Comments;
using Moderation.Storage.Mongo.Documents;
using Moderation.Storage.Review;
using Moderation.Storage.Tests.Fixtures;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace Moderation.Storage.Tests.Mongo;

/// <summary>
/// The BSON the driver writes for our document classes, checked without a server: ids must be standard (subtype 4)
/// GUIDs so they sort like <see cref="Guid.CompareTo(Guid)"/>, times BSON dates, enums strings.
/// </summary>
public sealed class MongoDocumentMappingTests
{
    /// <summary>
    /// The stores register the mapping conventions before first use; so must these tests, which map documents without
    /// a store: else whichever runs first freezes the class maps without them (unknown fields then fail reads elsewhere).
    /// </summary>
    public MongoDocumentMappingTests() => Moderation.Storage.Mongo.MongoConventions.Register();

    [Fact]
    public void A_published_comment_is_written_with_standard_guids_and_a_bson_date()
    {
        var comment = TestData.Published("site", "article", TestData.BaseTime.AddTicks(5)) with { ParentId = Guid.NewGuid() };

        var bson = PublishedCommentDocument.From(comment).ToBsonDocument();

        Assert.Equal(BsonBinarySubType.UuidStandard, bson["_id"].AsBsonBinaryData.SubType);
        Assert.Equal(comment.Id, bson["_id"].AsBsonBinaryData.ToGuid(GuidRepresentation.Standard));
        Assert.Equal(BsonBinarySubType.UuidStandard, bson["ParentId"].AsBsonBinaryData.SubType);
        Assert.Equal(BsonType.DateTime, bson["PublishedAt"].BsonType);
        Assert.Equal(comment with { PublishedAt = TestData.BaseTime }, BsonSerializer.Deserialize<PublishedCommentDocument>(bson).ToRecord());
    }

    [Fact]
    public void A_top_level_reply_has_a_null_parent()
    {
        var comment = TestData.Published("site", "article", TestData.BaseTime);

        var bson = PublishedCommentDocument.From(comment).ToBsonDocument();

        Assert.Equal(BsonNull.Value, bson["ParentId"]);
        Assert.Null(BsonSerializer.Deserialize<PublishedCommentDocument>(bson).ToRecord().ParentId);
    }

    [Fact]
    public void A_comment_status_round_trips_with_its_decisions_and_string_enums()
    {
        var decision = TestData.Decision(DecisionOutcome.Flag, TestData.BaseTime);
        var record = new CommentStatusRecord(
            Guid.NewGuid(), "site", "article", "author", CommentStatus.Flagged, TestData.BaseTime, decision, TestData.Review(TestData.BaseTime));

        var bson = CommentStatusDocument.From(record).ToBsonDocument();
        var back = BsonSerializer.Deserialize<CommentStatusDocument>(bson).ToRecord();

        Assert.Equal("Flagged", bson["Status"].AsString);
        Assert.Equal("Flag", bson["Decision"]["Outcome"].AsString);
        Assert.Equal(BsonType.DateTime, bson["Decision"]["DecidedAt"].BsonType);
        TestData.AssertSameDecision(decision, back.Decision);
        Assert.Equal(record with { Decision = back.Decision }, back);
    }

    [Fact]
    public void A_review_item_keeps_the_comment_id_as_its_id_and_the_site_at_the_top_level()
    {
        var item = new ReviewItem(TestData.Comment("site", TestData.BaseTime), TestData.Decision(DecisionOutcome.Flag, TestData.BaseTime), TestData.BaseTime);

        var bson = ReviewItemDocument.From(item).ToBsonDocument();

        Assert.Equal(item.Comment.Id, bson["_id"].AsBsonBinaryData.ToGuid(GuidRepresentation.Standard));
        Assert.Equal(BsonBinarySubType.UuidStandard, bson["Comment"]["CommentId"].AsBsonBinaryData.SubType);
        Assert.Equal("site", bson["SiteId"].AsString);
        Assert.Equal("Pending", bson["Status"].AsString);
        Assert.Equal(item.Comment, BsonSerializer.Deserialize<ReviewItemDocument>(bson).ToRecord().Comment);
    }

    [Fact]
    public void Standard_guid_byte_order_matches_guid_comparison()
    {
        // MongoDB orders binary ids bytewise; the paging tie-break relies on that agreeing with Guid.CompareTo.
        var ids = Enumerable.Range(0, 200).Select(_ => Guid.NewGuid()).ToList();

        var byBytes = ids.OrderBy(id => Convert.ToHexString(id.ToByteArray(bigEndian: true)), StringComparer.Ordinal);

        Assert.Equal(ids.Order(), byBytes);
    }
}
