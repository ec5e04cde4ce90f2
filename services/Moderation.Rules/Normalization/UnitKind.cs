namespace Moderation.Rules.Normalization;

/// <summary>Class of one folded character before words are assembled.</summary>
internal enum UnitKind : byte
{
    Letter,
    Digit,

    /// <summary>A symbol that stands for a letter inside a word: <c>$ @ ! | +</c>.</summary>
    LeetSymbol,

    /// <summary>A symbol that masks a letter inside a word: <c>* # %</c>.</summary>
    Mask,
    Space,
    Punctuation,

    /// <summary>An invisible ASCII control character; never a unit of its own (only in the ASCII lookup table).</summary>
    Control,
}
