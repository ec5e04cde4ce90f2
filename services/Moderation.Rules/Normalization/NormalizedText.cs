namespace Moderation.Rules.Normalization;

/// <summary>
/// The text as the matchers see it: one element per folded letter or separator, each remembering the span of the
/// original text it came from. Buffers are reused between comments of one thread, so an instance never leaves
/// the engine call that filled it.
/// </summary>
internal sealed class NormalizedText
{
    private const int InitialCapacity = 256;

    /// <summary>The letter each element reads as (<c>' '</c> for separators, <c>'*'</c> for a masked letter).</summary>
    public char[] Primary = new char[InitialCapacity];

    /// <summary>A second reading of an ambiguous leetspeak character (<c>1</c> reads <c>i</c> or <c>l</c>), or <c>'\0'</c>.</summary>
    public char[] Alternate = new char[InitialCapacity];

    public ElementKind[] Kind = new ElementKind[InitialCapacity];

    /// <summary>Original span of each element, start inclusive, end exclusive, in UTF-16 code units.</summary>
    public int[] OriginalStart = new int[InitialCapacity];

    public int[] OriginalEnd = new int[InitialCapacity];

    public int Count;

    public string Original = string.Empty;

    /// <summary>Number of decimal digits in the original text, so phone-number rules can skip texts with too few.</summary>
    public int DigitCount;

    /// <summary>Letters (after folding) and how many of them were upper case in the original, for the capitals rule.</summary>
    public int LetterCount;

    public int UpperCaseCount;

    public ReadOnlySpan<char> PrimarySpan => Primary.AsSpan(0, Count);

    public bool IsWordStart(int index) =>
        Kind[index] == ElementKind.Letter && (index == 0 || Kind[index - 1] != ElementKind.Letter);

    public bool IsWordEnd(int index) =>
        Kind[index] == ElementKind.Letter && (index == Count - 1 || Kind[index + 1] != ElementKind.Letter);

    /// <summary>The original text covered by elements <paramref name="first"/> to <paramref name="last"/> inclusive.</summary>
    public (int Start, int Length) OriginalSpan(int first, int last) =>
        (OriginalStart[first], OriginalEnd[last] - OriginalStart[first]);

    internal void Reset(string original)
    {
        Original = original;
        Count = 0;
        DigitCount = 0;
        LetterCount = 0;
        UpperCaseCount = 0;
    }

    /// <summary>Makes room for <paramref name="count"/> elements, keeping none: call before filling from the start.</summary>
    internal void EnsureCapacity(int count)
    {
        if (count > Primary.Length)
        {
            var size = Math.Max(count, Primary.Length * 2);
            Primary = new char[size];
            Alternate = new char[size];
            Kind = new ElementKind[size];
            OriginalStart = new int[size];
            OriginalEnd = new int[size];
        }
    }
}
