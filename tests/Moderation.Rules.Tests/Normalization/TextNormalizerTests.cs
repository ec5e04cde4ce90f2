using Moderation.Rules.Normalization;

namespace Moderation.Rules.Tests.Normalization;

public sealed class TextNormalizerTests
{
    private static NormalizedText Normalize(string text)
    {
        var normalized = new NormalizedText();
        new TextNormalizer().Normalize(text, normalized);
        return normalized;
    }

    private static string Letters(NormalizedText text) => new(text.PrimarySpan);

    [Theory]
    [InlineData("ＦＵＣＫ", "fuck")] // fullwidth
    [InlineData("𝐟𝐮𝐜𝐤", "fuck")] // mathematical bold
    [InlineData("ѕhit", "shit")] // Cyrillic dze
    [InlineData("Ηello", "hello")] // Greek capital eta
    [InlineData("fück", "fuck")] // precomposed diacritic
    [InlineData("fu\u0308ck", "fuck")] // combining diaeresis
    [InlineData("f\u200Buck", "fuck")] // zero-width space
    [InlineData("ⓕⓤⓒⓚ", "fuck")] // circled letters
    public void Folds_look_alikes_case_and_marks(string input, string expected) =>
        Assert.Equal(expected, Letters(Normalize(input)));

    [Fact]
    public void Reads_leetspeak_inside_words_only()
    {
        var text = Normalize("sh1t in 2016");
        Assert.Equal("shit in 2016", Letters(text));
        Assert.Equal('l', text.Alternate[2]); // "1" may also read "l"
    }

    [Fact]
    public void Keeps_sentence_punctuation_as_a_separator()
    {
        var text = Normalize("shit! ok");
        Assert.Equal("shit ok", Letters(text));
    }

    [Fact]
    public void Spelled_out_letters_are_joined_by_soft_separators()
    {
        var text = Normalize("a f.u.c.k");
        Assert.Equal(ElementKind.HardSeparator, text.Kind[1]); // "a" is a word, not part of the spelling
        Assert.Equal(ElementKind.SoftSeparator, text.Kind[3]);
        Assert.Equal(ElementKind.SoftSeparator, text.Kind[7]);

        var spaced = Normalize("f u c k off");
        Assert.Equal(ElementKind.SoftSeparator, spaced.Kind[1]);
        Assert.Equal(ElementKind.HardSeparator, spaced.Kind[7]); // "off" is a word of its own
    }

    [Fact]
    public void Masked_letters_become_wildcards()
    {
        Assert.Equal("f**k", Letters(Normalize("f**k")));
        Assert.Equal("fine", Letters(Normalize("*fine*")));
    }

    [Theory]
    [InlineData("xx ѕhit", "ѕhit")]
    [InlineData("xx 𝐬𝐡𝐢𝐭", "𝐬𝐡𝐢𝐭")]
    [InlineData("xx s\u200Bhit", "s\u200Bhit")]
    [InlineData("xx shi\u0301t", "shi\u0301t")]
    public void Maps_every_element_back_to_the_original_span(string input, string expected)
    {
        var text = Normalize(input);
        var first = 3;
        var last = text.Count - 1;
        var (start, length) = text.OriginalSpan(first, last);
        Assert.Equal(expected, input.Substring(start, length));
    }
}
