using Moderation.Contracts;
using Moderation.Storage.Comments;
using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Contracts;

public abstract class CommentStatusStoreContract : StoreContract
{
    private ICommentStatusStore Store => Stores.CommentStatus;

    private static CommentStatusRecord Pending() =>
        new(Guid.NewGuid(), TestData.NewSite(), "article-1", "author-1", CommentStatus.Pending, TestData.BaseTime);

    [SkippableFact]
    public async Task TryCreate_inserts_once_and_a_replay_changes_nothing()
    {
        var record = Pending();

        Assert.True(await Store.TryCreateAsync(record));
        Assert.False(await Store.TryCreateAsync(record with { AuthorId = "someone-else" }));

        Assert.Equal(record, await Store.GetAsync(record.Id));
    }

    [SkippableFact]
    public async Task Get_returns_null_for_an_unknown_id() => Assert.Null(await Store.GetAsync(Guid.NewGuid()));

    [SkippableFact]
    public async Task GetMany_reads_the_known_ids_of_five_hundred_in_one_call_and_leaves_unknown_ones_out()
    {
        var records = Enumerable.Range(0, 500).Select(_ => Pending()).ToList();
        foreach (var record in records)
        {
            await Store.TryCreateAsync(record);
        }

        Assert.True(await Store.MarkDeletedAsync(records[7].Id));
        var asked = records.Where((_, index) => index % 2 == 1).Select(record => record.Id).Append(Guid.NewGuid()).ToList();

        var found = await Store.GetManyAsync(asked);

        Assert.Equal(
            records.Where((_, index) => index % 2 == 1).Select(record => record.Id).Order(),
            found.Select(record => record.Id).Order());
        Assert.Equal(CommentStatus.Deleted, Assert.Single(found, record => record.Id == records[7].Id).Status);
        Assert.All(found.Where(record => record.Id != records[7].Id), record => Assert.Equal(CommentStatus.Pending, record.Status));
        Assert.Empty(await Store.GetManyAsync([]));
    }

    [SkippableFact]
    public async Task Moderation_applies_only_while_pending_and_a_replay_changes_nothing()
    {
        var record = Pending();
        await Store.TryCreateAsync(record);
        var flag = TestData.Decision(DecisionOutcome.Flag, TestData.BaseTime.AddSeconds(1));
        var approve = TestData.Decision(DecisionOutcome.Approve, TestData.BaseTime.AddSeconds(2));

        Assert.True(await Store.ApplyModerationAsync(record.Id, CommentStatus.Flagged, flag));
        Assert.False(await Store.ApplyModerationAsync(record.Id, CommentStatus.Approved, approve));
        Assert.False(await Store.ApplyModerationAsync(record.Id, CommentStatus.Flagged, flag));

        var stored = await Store.GetAsync(record.Id);
        Assert.Equal(CommentStatus.Flagged, stored!.Status);
        TestData.AssertSameDecision(flag, stored.Decision);
        Assert.Null(stored.Review);
    }

    [SkippableFact]
    public async Task A_deleted_comment_keeps_its_decisions_and_no_later_decision_applies()
    {
        var pending = Pending();
        var approved = Pending();
        await Store.TryCreateAsync(pending);
        await Store.TryCreateAsync(approved);
        var approve = TestData.Decision(DecisionOutcome.Approve, TestData.BaseTime.AddSeconds(1));
        Assert.True(await Store.ApplyModerationAsync(approved.Id, CommentStatus.Approved, approve));

        Assert.True(await Store.MarkDeletedAsync(pending.Id));
        Assert.True(await Store.MarkDeletedAsync(approved.Id));
        Assert.False(await Store.MarkDeletedAsync(approved.Id));
        Assert.False(await Store.MarkDeletedAsync(Guid.NewGuid()));

        var later = TestData.Review(TestData.BaseTime.AddHours(1)) with { Sequence = 9 };
        Assert.False(await Store.ApplyModerationAsync(pending.Id, CommentStatus.Approved, approve));
        Assert.False(await Store.ApplyReviewAsync(pending.Id, CommentStatus.Approved, later));
        Assert.False(await Store.ApplyReviewAsync(approved.Id, CommentStatus.Approved, later));
        Assert.False(await Store.ApplyRedecisionAsync(approved.Id, CommentStatus.Rejected, approve with { Outcome = DecisionOutcome.Reject }));
        await Store.ApplyModerationsAsync([new ModerationStatusUpdate(pending, CommentStatus.Approved, approve)]);

        Assert.Equal(CommentStatus.Deleted, (await Store.GetAsync(pending.Id))!.Status);
        var stored = await Store.GetAsync(approved.Id);
        Assert.Equal(CommentStatus.Deleted, stored!.Status);
        TestData.AssertSameDecision(approve, stored.Decision);
        Assert.Null(stored.Review);
    }

    [SkippableFact]
    public async Task A_decision_on_reports_only_tightens_a_comment_no_moderator_decided()
    {
        var published = Pending();
        var moderated = Pending();
        await Store.TryCreateAsync(published);
        await Store.TryCreateAsync(moderated);
        var approve = TestData.Decision(DecisionOutcome.Approve, TestData.BaseTime.AddSeconds(1));
        Assert.True(await Store.ApplyModerationAsync(published.Id, CommentStatus.Approved, approve));
        Assert.True(await Store.ApplyModerationAsync(moderated.Id, CommentStatus.Flagged, TestData.Decision(DecisionOutcome.Flag, TestData.BaseTime)));
        Assert.True(await Store.ApplyReviewAsync(moderated.Id, CommentStatus.Approved, TestData.Review(TestData.BaseTime.AddMinutes(1))));
        var held = TestData.Decision(DecisionOutcome.Flag, TestData.BaseTime.AddHours(1));
        var takenDown = TestData.Decision(DecisionOutcome.Reject, TestData.BaseTime.AddHours(2));

        Assert.True(await Store.ApplyRedecisionAsync(published.Id, CommentStatus.Flagged, held));
        Assert.False(await Store.ApplyRedecisionAsync(published.Id, CommentStatus.Flagged, held));
        Assert.Equal(CommentStatus.Flagged, (await Store.GetAsync(published.Id))!.Status);
        Assert.True(await Store.ApplyRedecisionAsync(published.Id, CommentStatus.Rejected, takenDown));
        Assert.False(await Store.ApplyRedecisionAsync(published.Id, CommentStatus.Flagged, held));
        var stored = await Store.GetAsync(published.Id);
        Assert.Equal(CommentStatus.Rejected, stored!.Status);
        TestData.AssertSameDecision(takenDown, stored.Decision);

        // A moderator decided the other: the rules' decision on reports changes nothing, and a moderator still can.
        Assert.False(await Store.ApplyRedecisionAsync(moderated.Id, CommentStatus.Rejected, takenDown));
        Assert.Equal(CommentStatus.Approved, (await Store.GetAsync(moderated.Id))!.Status);
        Assert.True(await Store.ApplyReviewAsync(
            published.Id, CommentStatus.Approved, TestData.Review(TestData.BaseTime.AddHours(3))));
        Assert.False(await Store.ApplyRedecisionAsync(published.Id, CommentStatus.Rejected, takenDown));
        Assert.Equal(CommentStatus.Approved, (await Store.GetAsync(published.Id))!.Status);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ApplyRedecisionAsync(published.Id, CommentStatus.Approved, approve));
    }

    [SkippableFact]
    public async Task A_batch_of_decisions_applies_to_pending_comments_rebuilds_missing_ones_and_never_overwrites()
    {
        var pending = Pending();
        var missing = Pending() with { ArticleId = "article-2" };
        var reviewed = Pending();
        await Store.TryCreateAsync(pending);
        await Store.TryCreateAsync(reviewed);
        var review = TestData.Review(TestData.BaseTime.AddMinutes(5));
        Assert.True(await Store.ApplyReviewAsync(reviewed.Id, CommentStatus.Rejected, review));
        var approve = TestData.Decision(DecisionOutcome.Approve, TestData.BaseTime.AddSeconds(1));
        var flag = TestData.Decision(DecisionOutcome.Flag, TestData.BaseTime.AddSeconds(2));

        ModerationStatusUpdate[] batch =
        [
            new(pending, CommentStatus.Approved, approve),
            new(missing, CommentStatus.Flagged, flag),
            new(reviewed, CommentStatus.Approved, approve),
            new(pending, CommentStatus.Rejected, flag),
        ];
        await Store.ApplyModerationsAsync(batch);
        await Store.ApplyModerationsAsync(batch);

        var first = await Store.GetAsync(pending.Id);
        Assert.Equal(CommentStatus.Approved, first!.Status);
        TestData.AssertSameDecision(approve, first.Decision);
        var rebuilt = await Store.GetAsync(missing.Id);
        Assert.Equal(CommentStatus.Flagged, rebuilt!.Status);
        Assert.Equal(("article-2", missing.AuthorId, missing.SubmittedAt), (rebuilt.ArticleId, rebuilt.AuthorId, rebuilt.SubmittedAt));
        TestData.AssertSameDecision(flag, rebuilt.Decision);
        var kept = await Store.GetAsync(reviewed.Id);
        Assert.Equal(CommentStatus.Rejected, kept!.Status);
        Assert.Null(kept.Decision);
        Assert.Equal(review, kept.Review);
    }

    [SkippableFact]
    public async Task A_batch_of_decisions_with_an_outcome_the_engine_cannot_give_is_refused_whole()
    {
        var record = Pending();
        await Store.TryCreateAsync(record);
        var decision = TestData.Decision(DecisionOutcome.Approve, TestData.BaseTime);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.ApplyModerationsAsync(
            [new(record, CommentStatus.Approved, decision), new(record, CommentStatus.Pending, decision)]));

        Assert.Equal(CommentStatus.Pending, (await Store.GetAsync(record.Id))!.Status);
    }

    [SkippableFact]
    public async Task Review_applies_to_a_flagged_comment_once_and_a_late_moderation_event_cannot_overwrite_it()
    {
        var record = Pending();
        await Store.TryCreateAsync(record);
        var flag = TestData.Decision(DecisionOutcome.Flag, TestData.BaseTime.AddSeconds(1));
        await Store.ApplyModerationAsync(record.Id, CommentStatus.Flagged, flag);
        var review = TestData.Review(TestData.BaseTime.AddMinutes(5));

        Assert.True(await Store.ApplyReviewAsync(record.Id, CommentStatus.Rejected, review));
        Assert.False(await Store.ApplyReviewAsync(record.Id, CommentStatus.Approved, review with { ModeratorId = "other" }));
        Assert.False(await Store.ApplyModerationAsync(record.Id, CommentStatus.Approved, flag));

        var stored = await Store.GetAsync(record.Id);
        Assert.Equal(CommentStatus.Rejected, stored!.Status);
        Assert.Equal(review, stored.Review);
        TestData.AssertSameDecision(flag, stored.Decision);
    }

    [SkippableFact]
    public async Task Review_applies_to_a_pending_comment_and_takes_down_one_the_engine_approved()
    {
        var pending = Pending();
        var approved = Pending();
        await Store.TryCreateAsync(pending);
        await Store.TryCreateAsync(approved);
        await Store.ApplyModerationAsync(approved.Id, CommentStatus.Approved, TestData.Decision(DecisionOutcome.Approve, TestData.BaseTime));
        var review = TestData.Review(TestData.BaseTime);

        Assert.True(await Store.ApplyReviewAsync(pending.Id, CommentStatus.Approved, review));
        Assert.True(await Store.ApplyReviewAsync(approved.Id, CommentStatus.Rejected, review));
        Assert.False(await Store.ApplyModerationAsync(approved.Id, CommentStatus.Approved, TestData.Decision(DecisionOutcome.Approve, TestData.BaseTime)));

        Assert.Equal(CommentStatus.Approved, (await Store.GetAsync(pending.Id))!.Status);
        Assert.Equal(CommentStatus.Rejected, (await Store.GetAsync(approved.Id))!.Status);
        Assert.Equal(review, (await Store.GetAsync(approved.Id))!.Review);
    }

    [SkippableFact]
    public async Task A_later_moderator_decision_applies_and_an_older_one_arriving_after_it_never_does()
    {
        var record = Pending();
        await Store.TryCreateAsync(record);
        await Store.ApplyModerationAsync(record.Id, CommentStatus.Flagged, TestData.Decision(DecisionOutcome.Flag, TestData.BaseTime));
        var approval = TestData.Review(TestData.BaseTime.AddMinutes(1)) with { Sequence = 1 };
        var takedown = TestData.Review(TestData.BaseTime.AddMinutes(2)) with { Sequence = 2 };

        // The takedown arrives first; the approval it overrides arrives late, then both are redelivered.
        Assert.True(await Store.ApplyReviewAsync(record.Id, CommentStatus.Rejected, takedown));
        Assert.False(await Store.ApplyReviewAsync(record.Id, CommentStatus.Approved, approval));
        Assert.False(await Store.ApplyReviewAsync(record.Id, CommentStatus.Rejected, takedown));

        var stored = await Store.GetAsync(record.Id);
        Assert.Equal(CommentStatus.Rejected, stored!.Status);
        Assert.Equal(takedown, stored.Review);

        // A third decision (say, an undo that approves again) is later than both.
        var again = TestData.Review(TestData.BaseTime.AddMinutes(3)) with { Sequence = 3 };
        Assert.True(await Store.ApplyReviewAsync(record.Id, CommentStatus.Approved, again));
        Assert.Equal(CommentStatus.Approved, (await Store.GetAsync(record.Id))!.Status);
    }

    [SkippableFact]
    public async Task Updates_of_an_unknown_id_return_false()
    {
        Assert.False(await Store.ApplyModerationAsync(Guid.NewGuid(), CommentStatus.Approved, TestData.Decision(DecisionOutcome.Approve, TestData.BaseTime)));
        Assert.False(await Store.ApplyReviewAsync(Guid.NewGuid(), CommentStatus.Approved, TestData.Review(TestData.BaseTime)));
    }

    [SkippableFact]
    public async Task Statuses_a_decision_cannot_set_are_refused()
    {
        var record = Pending();
        await Store.TryCreateAsync(record);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => Store.ApplyModerationAsync(record.Id, CommentStatus.Pending, TestData.Decision(DecisionOutcome.Approve, TestData.BaseTime)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => Store.ApplyReviewAsync(record.Id, CommentStatus.Flagged, TestData.Review(TestData.BaseTime)));
        Assert.Equal(CommentStatus.Pending, (await Store.GetAsync(record.Id))!.Status);
    }

    [SkippableFact]
    public async Task Nested_times_are_truncated_to_milliseconds()
    {
        var precise = TestData.BaseTime.AddTicks(9999);
        var record = Pending() with { SubmittedAt = precise };
        await Store.TryCreateAsync(record);
        var decision = TestData.Decision(DecisionOutcome.Flag, precise);
        await Store.ApplyModerationAsync(record.Id, CommentStatus.Flagged, decision);
        await Store.ApplyReviewAsync(record.Id, CommentStatus.Approved, TestData.Review(precise));

        var stored = await Store.GetAsync(record.Id);

        Assert.Equal(TestData.BaseTime, stored!.SubmittedAt);
        TestData.AssertSameDecision(decision with { DecidedAt = TestData.BaseTime }, stored.Decision);
        Assert.Equal(TestData.Review(TestData.BaseTime), stored.Review);
    }
}
