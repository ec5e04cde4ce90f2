namespace Moderation.Rules.Normalization;

/// <summary>What one element of a <see cref="NormalizedText"/> stands for.</summary>
internal enum ElementKind : byte
{
    /// <summary>A letter or digit of a word (after folding and leetspeak).</summary>
    Letter,

    /// <summary>
    /// Punctuation inside a word (<c>sh.it</c>) or the spaces of a spelled-out word (<c>f u c k</c>):
    /// a word boundary that a term may also run across.
    /// </summary>
    SoftSeparator,

    /// <summary>Whitespace or punctuation between words.</summary>
    HardSeparator,
}
