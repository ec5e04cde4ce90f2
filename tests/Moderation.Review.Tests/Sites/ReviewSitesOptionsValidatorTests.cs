using Moderation.Review.Sites;

namespace Moderation.Review.Tests.Sites;

public sealed class ReviewSitesOptionsValidatorTests
{
    private static ReviewSitesOptions Site(params (string Code, string Label)[] reasons) => new()
    {
        ["news"] = new SiteReviewOptions { Reasons = [.. reasons.Select(r => new ReasonPresetOptions { Code = r.Code, Label = r.Label })] },
    };

    [Fact]
    public void Presets_with_short_codes_and_labels_pass_and_no_presets_pass()
    {
        var validator = new ReviewSitesOptionsValidator();

        Assert.True(validator.Validate(null, Site(("off-topic", "Off topic"), ("spoiler", "Spoils the ending"))).Succeeded);
        Assert.True(validator.Validate(null, Site()).Succeeded);
    }

    [Theory]
    [InlineData("Off Topic", "Off topic", "Sites:news:Review:Reasons:0:Code")]
    [InlineData("", "Off topic", "Sites:news:Review:Reasons:0:Code")]
    [InlineData("spam", "", "Sites:news:Review:Reasons:0:Label")]
    public void A_bad_preset_fails_naming_the_setting(string code, string label, string setting)
    {
        var result = new ReviewSitesOptionsValidator().Validate(null, Site((code, label)));

        Assert.True(result.Failed);
        Assert.Contains(setting, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_codes_and_more_than_nine_presets_fail()
    {
        var validator = new ReviewSitesOptionsValidator();

        Assert.Contains("'spam' is given more than once", validator.Validate(null, Site(("spam", "A"), ("spam", "B"))).FailureMessage, StringComparison.Ordinal);
        Assert.Contains("at most 9", validator.Validate(null, Site([.. Enumerable.Range(0, 10).Select(i => ($"r{i}", "R"))])).FailureMessage, StringComparison.Ordinal);
    }
}
