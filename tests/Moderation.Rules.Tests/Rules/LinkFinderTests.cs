using Moderation.Rules.Rules;

namespace Moderation.Rules.Tests.Rules;

public sealed class LinkFinderTests
{
    [Theory]
    [InlineData("see HTTPS://Example.org/x now", "example.org")]
    [InlineData("Visit WWW.shop.example.com today", "shop.example.com")]
    [InlineData("a long sentence without any address in it, then spam.ly/abc", "spam.ly")]
    [InlineData("write to example DOT com", "example.com")]
    [InlineData("the end.example.net", "end.example.net")]
    public void Finds_links_whatever_the_text_before_them(string text, string host) =>
        Assert.Equal(host, Assert.Single(LinkFinder.FindAll(text)).Host);

    [Fact]
    public void Finds_every_link_in_order_and_none_inside_another()
    {
        var links = LinkFinder.FindAll("http://a.example.com/dot.com and www.b.org, then c.io");
        Assert.Equal(["a.example.com", "b.org", "c.io"], links.Select(link => link.Host));
    }

    [Theory]
    [InlineData("no links here, just words with h, w, d and dots. Really.")]
    [InlineData("a dotted line and www, http, and dot")]
    public void Finds_no_link_in_ordinary_text(string text) =>
        Assert.Empty(LinkFinder.FindAll(text));

    [Theory]
    [InlineData("what a game http://t.c\u2026")] // a quote shortened in the middle of the host: nobody can follow it
    [InlineData("what a game http://t.c&#8230;")]
    [InlineData("what a game http://t.c&hellip;")]
    public void A_host_cut_short_by_an_ellipsis_is_no_link(string text) =>
        Assert.Empty(LinkFinder.FindAll(text));

    [Fact]
    public void A_link_whose_path_is_cut_short_is_still_a_link() =>
        Assert.Equal("t.co", Assert.Single(LinkFinder.FindAll("see http://t.co/abc&#8230;")).Host);
}
