using System.Runtime.CompilerServices;
using Moderation.Rules.Normalization;

namespace Moderation.Rules.Matching;

/// <summary>
/// The characters the terms of a matcher are written with, numbered as symbols, most frequent first. Also sorts the
/// elements of a text into a few dozen codes, so a pair of neighbouring elements indexes a small table that tells
/// whether a walk could start there (see <see cref="TermTrie.MayStart"/>).
/// </summary>
internal sealed class TermAlphabet
{
    public const int None = -1;

    /// <summary>Symbols below this are element codes of their own; the codes after them stand for the rest.</summary>
    public const int DirectSymbols = 56;

    /// <summary>A letter whose symbol is not direct.</summary>
    public const int OtherCode = DirectSymbols;

    /// <summary>A letter no term has.</summary>
    public const int NoneCode = DirectSymbols + 1;

    /// <summary>A letter with two readings (<c>1</c> as <c>i</c> or <c>l</c>).</summary>
    public const int AmbiguousCode = DirectSymbols + 2;

    public const int MaskCode = DirectSymbols + 3;
    public const int SoftSeparatorCode = DirectSymbols + 4;
    public const int HardSeparatorCode = DirectSymbols + 5;

    /// <summary>Past the last element.</summary>
    public const int EndCode = DirectSymbols + 6;

    public const int Codes = DirectSymbols + 7;

    private readonly int[] _asciiSymbol = new int[128];
    private readonly int[] _asciiLetterCode = new int[128];
    private readonly Dictionary<char, int> _otherSymbol = [];
    private readonly char[] _characters;

    public TermAlphabet(IEnumerable<string> terms)
    {
        _characters = [.. terms
            .SelectMany(term => term)
            .GroupBy(c => c)
            .OrderByDescending(group => group.Count())
            .ThenBy(group => group.Key)
            .Select(group => group.Key)];

        Array.Fill(_asciiSymbol, None);
        for (var symbol = 0; symbol < _characters.Length; symbol++)
        {
            if (_characters[symbol] < 128)
            {
                _asciiSymbol[_characters[symbol]] = symbol;
            }
            else
            {
                _otherSymbol[_characters[symbol]] = symbol;
            }
        }

        for (var c = (char)0; c < 128; c++)
        {
            _asciiLetterCode[c] = LetterCode(c);
        }
    }

    public int Count => _characters.Length;

    public char Character(int symbol) => _characters[symbol];

    public int Symbol(char c) => c < 128 ? _asciiSymbol[c] : _otherSymbol.GetValueOrDefault(c, None);

    /// <summary>The code of element <paramref name="index"/> of <paramref name="text"/>, or <see cref="EndCode"/> past the last.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int CodeAt(NormalizedText text, int index)
    {
        if ((uint)index >= (uint)text.Count)
        {
            return EndCode;
        }

        var kind = text.Kind[index];
        if (kind != ElementKind.Letter)
        {
            return kind == ElementKind.SoftSeparator ? SoftSeparatorCode : HardSeparatorCode;
        }

        var primary = text.Primary[index];
        return text.Alternate[index] != '\0' ? AmbiguousCode
            : primary < 128 ? _asciiLetterCode[primary]
            : LetterCode(primary);
    }

    /// <summary>The code of a letter element with one reading.</summary>
    private int LetterCode(char primary) => primary == '*' ? MaskCode : Symbol(primary) switch
    {
        None => NoneCode,
        < DirectSymbols and var symbol => symbol,
        _ => OtherCode,
    };
}
