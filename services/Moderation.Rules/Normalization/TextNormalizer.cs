namespace Moderation.Rules.Normalization;

/// <summary>
/// Turns a comment into a <see cref="NormalizedText"/>: folded letters (see <see cref="CharacterFolding"/>),
/// leetspeak read as letters inside words, masked letters (<c>f*ck</c>), punctuation inside words and the spaces of
/// spelled-out words (<c>f u c k</c>) as soft separators. Repeated letters are left in place: the term matcher
/// absorbs them, so <c>ass</c> and <c>as</c> stay different words. One instance per thread; it keeps its buffers.
/// </summary>
internal sealed class TextNormalizer
{
    // Longest run of separators between the letters of a spelled-out word ("f - u - c - k").
    private const int MaxSpelledGap = 4;

    // Longest punctuation run inside a word that still joins its two halves ("sh..it").
    private const int MaxInnerGap = 3;

    private const int MaxMaskRun = 3;

    private const char Truncation = '\u2026';

    private char[] _unitChar = new char[256];
    private UnitKind[] _unitKind = new UnitKind[256];
    private int[] _unitStart = new int[256];
    private int[] _unitEnd = new int[256];
    private int _unitCount;

    // Pieces: runs of units that belong to words. A gap between two pieces holds at least one unit.
    private int[] _pieceStart = new int[64];
    private int[] _pieceEnd = new int[64];
    private bool[] _pieceHasLetter = new bool[64];
    private bool[] _spaceBeforePiece = new bool[64];
    private bool[] _softGapAfter = new bool[64];
    private bool[] _groupHasLetter = new bool[64];
    private int _pieceCount;

    public void Normalize(string text, NormalizedText output)
    {
        output.Reset(text);
        ReadUnits(text, output);
        FindPieces();
        ClassifyGaps(text);
        Emit(output);
    }

    private void ReadUnits(string text, NormalizedText output)
    {
        // An ASCII character is at most one unit; only folding other characters may need more room.
        _unitCount = 0;
        EnsureUnitCapacity(text.Length);
        var upperCase = 0;
        var digits = 0;
        var letters = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is Truncation or '&' && IsTruncation(text, i))
            {
                // A word cut short by an ellipsis that ends the text ("last nig…" in a shortened quote) is not the
                // word it starts: the ellipsis reads as a letter no term has, so the word ends in something unknown.
                EnsureUnitCapacity(_unitCount + 1 + (text.Length - i));
                var unit = _unitCount++;
                _unitChar[unit] = Truncation;
                _unitKind[unit] = UnitKind.Letter;
                _unitStart[unit] = i;
                _unitEnd[unit] = text.Length;
                break;
            }

            if (c == '&' && HtmlEntity.TryRead(text, i, out var referenced, out var referenceLength))
            {
                // An HTML character reference reads as the character it names, its units spanning the reference.
                var reference = referenced < 0x10000 ? CharacterFolding.Fold((char)referenced) : CharacterFolding.Fold(referenced);
                letters += AddUnits(reference, i, i + referenceLength, text.Length - i - referenceLength);
                i += referenceLength - 1;
                continue;
            }

            if (c < 128)
            {
                // Most text is ASCII: fold and classify it without the per-character string of the general path.
                var kind = AsciiKinds[c];
                if (kind == UnitKind.Control)
                {
                    // Control characters are invisible: they belong to the letter before them.
                    if (_unitCount > 0)
                    {
                        _unitEnd[_unitCount - 1] = i + 1;
                    }

                    continue;
                }

                if (c is >= 'A' and <= 'Z')
                {
                    upperCase++;
                    c = (char)(c + 32);
                }

                digits += kind == UnitKind.Digit ? 1 : 0;
                letters += kind == UnitKind.Letter ? 1 : 0;
                var unit = _unitCount++;
                _unitChar[unit] = c;
                _unitKind[unit] = kind;
                _unitStart[unit] = i;
                _unitEnd[unit] = i + 1;
                continue;
            }

            var start = i;
            string folded;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                folded = CharacterFolding.Fold(char.ConvertToUtf32(c, text[i + 1]));
                i++;
            }
            else
            {
                folded = CharacterFolding.Fold(c);
                if (char.IsUpper(c))
                {
                    upperCase++;
                }
            }

            var end = i + 1;
            if (folded.Length == 0)
            {
                // Zero-width characters and combining marks belong to the letter before them.
                if (_unitCount > 0)
                {
                    _unitEnd[_unitCount - 1] = end;
                }

                continue;
            }

            letters += AddUnits(folded, start, end, text.Length - end);
        }

        output.UpperCaseCount = upperCase;
        output.DigitCount = digits;
        output.LetterCount = letters;
    }

    /// <summary>
    /// Whether an ellipsis (the character, or its HTML reference) right after a letter ends the text, but for spaces.
    /// </summary>
    private bool IsTruncation(string text, int index)
    {
        int length;
        if (_unitCount == 0 || _unitKind[_unitCount - 1] != UnitKind.Letter)
        {
            return false;
        }

        if (text[index] == Truncation)
        {
            length = 1;
        }
        else if (text[index] == '&' && HtmlEntity.TryRead(text, index, out var referenced, out var referenceLength) && referenced == Truncation)
        {
            length = referenceLength;
        }
        else
        {
            return false;
        }

        return text.AsSpan(index + length).IsWhiteSpace();
    }

    /// <summary>Adds the units of one folded character that spans <paramref name="start"/> to <paramref name="end"/>; returns how many are letters.</summary>
    private int AddUnits(string folded, int start, int end, int charactersLeft)
    {
        EnsureUnitCapacity(_unitCount + folded.Length + charactersLeft);
        var letters = 0;
        foreach (var ch in folded)
        {
            var kind = Classify(ch);
            if (kind == UnitKind.Letter)
            {
                letters++;
            }

            var unit = _unitCount++;
            _unitChar[unit] = ch;
            _unitKind[unit] = kind;
            _unitStart[unit] = start;
            _unitEnd[unit] = end;
        }

        return letters;
    }

    private static readonly UnitKind[] AsciiKinds = BuildAsciiKinds();

    private static UnitKind[] BuildAsciiKinds()
    {
        var kinds = new UnitKind[128];
        for (var c = 0; c < 128; c++)
        {
            kinds[c] = c is '\0' or (< ' ' and not ('\t' or '\n' or '\r' or '\f' or '\v'))
                ? UnitKind.Control
                : Classify(char.ToLowerInvariant((char)c));
        }

        return kinds;
    }

    private static UnitKind Classify(char c)
    {
        if (c is >= 'a' and <= 'z')
        {
            return UnitKind.Letter;
        }

        if (c is >= '0' and <= '9')
        {
            return UnitKind.Digit;
        }

        if (c < 128)
        {
            return c switch
            {
                ' ' or '\t' or '\n' or '\r' or '\f' or '\v' => UnitKind.Space,
                '$' or '@' or '!' or '|' or '+' or '<' or '(' => UnitKind.LeetSymbol,
                '*' or '#' or '%' or '^' => UnitKind.Mask,
                _ => UnitKind.Punctuation,
            };
        }

        if (char.IsLetterOrDigit(c))
        {
            return UnitKind.Letter;
        }

        return char.IsWhiteSpace(c) ? UnitKind.Space : UnitKind.Punctuation;
    }

    private void EnsureUnitCapacity(int count)
    {
        if (count > _unitChar.Length)
        {
            var size = Math.Max(count, _unitChar.Length * 2);
            Array.Resize(ref _unitChar, size);
            Array.Resize(ref _unitKind, size);
            Array.Resize(ref _unitStart, size);
            Array.Resize(ref _unitEnd, size);
        }
    }

    private bool IsWordish(int index) =>
        index >= 0 && index < _unitCount && _unitKind[index] is UnitKind.Letter or UnitKind.Digit;

    /// <summary>
    /// Decides which units belong to words and gathers them into pieces; the rest are separators. Notes per piece
    /// whether it has a letter and whether a space lies between it and the piece before.
    /// </summary>
    private void FindPieces()
    {
        _pieceCount = 0;
        var kinds = _unitKind;
        var count = _unitCount;
        var spaceBefore = false;
        var piece = -1;

        // The token (units between spaces) is measured only when a symbol needs it.
        var tokenStart = 0;
        var tokenEnd = -1;
        var tokenHasLetter = false;
        var tokenSpelledWith = '\0';
        var tokenHasCloser = false;
        var i = 0;
        while (i < count)
        {
            var kind = kinds[i];
            if (kind == UnitKind.Space)
            {
                if (piece >= 0)
                {
                    _pieceEnd[piece] = i;
                    piece = -1;
                }

                spaceBefore = true;
                tokenStart = ++i;
                continue;
            }

            var runEnd = i + 1;
            var glyph = false;
            var runHasLetter = false;
            if (kind is UnitKind.Letter or UnitKind.Digit)
            {
                // Letters and digits always belong to words: take the whole run at once.
                runHasLetter = kind == UnitKind.Letter;
                while (runEnd < count && kinds[runEnd] is UnitKind.Letter or UnitKind.Digit)
                {
                    runHasLetter |= kinds[runEnd] == UnitKind.Letter;
                    runEnd++;
                }

                glyph = true;
            }
            else
            {
                // Runs of one symbol are decided once for the whole run: deciding each unit by looking along its
                // run would cost quadratic time on a long run of dots or dashes.
                while (runEnd < count && SameRun(i, runEnd))
                {
                    runEnd++;
                }

                if (kind != UnitKind.Punctuation || _unitChar[i] is '-' or '_')
                {
                    if (tokenEnd < runEnd)
                    {
                        (tokenEnd, tokenHasLetter, tokenSpelledWith, tokenHasCloser) = MeasureToken(tokenStart);
                    }

                    glyph = kind switch
                    {
                        UnitKind.LeetSymbol => _unitChar[i] != tokenSpelledWith
                            && IsLeetGlyph(i, runEnd, tokenStart, tokenEnd, tokenHasLetter, tokenHasCloser),
                        UnitKind.Mask => IsMaskGlyph(i, runEnd, tokenStart, tokenEnd),
                        _ => IsDashMask(i, runEnd, tokenStart, tokenEnd),
                    };
                }
            }

            if (glyph && piece < 0)
            {
                piece = StartPiece(i, spaceBefore);
                spaceBefore = false;
            }
            else if (!glyph && piece >= 0)
            {
                _pieceEnd[piece] = i;
                piece = -1;
            }

            if (piece >= 0)
            {
                _pieceHasLetter[piece] |= runHasLetter;
            }

            i = runEnd;
        }

        if (piece >= 0)
        {
            _pieceEnd[piece] = count;
        }
    }

    /// <summary>
    /// Measures the token (units between spaces) that starts at <paramref name="start"/>: where it ends, whether it
    /// has a letter, the symbol it is spelled out with when it alternates single letters and one leetspeak symbol
    /// ("f!u!c!k", at least three letters; <c>'\0'</c> otherwise) and whether it holds a <c>&gt;</c>.
    /// </summary>
    private (int End, bool HasLetter, char SpelledWith, bool HasCloser) MeasureToken(int start)
    {
        var end = start;
        var hasLetter = false;
        var hasCloser = false;
        var alternates = true;
        var separator = '\0';
        while (end < _unitCount && _unitKind[end] != UnitKind.Space)
        {
            var kind = _unitKind[end];
            hasLetter |= kind == UnitKind.Letter;
            hasCloser |= _unitChar[end] == '>';
            if ((end - start) % 2 == 0)
            {
                alternates &= kind == UnitKind.Letter;
            }
            else
            {
                separator = separator == '\0' ? _unitChar[end] : separator;
                alternates &= kind == UnitKind.LeetSymbol && _unitChar[end] == separator;
            }

            end++;
        }

        var spelled = alternates && (end - start) % 2 == 1 && end - start >= 5 && separator is '!' or '|' or '+';
        return (end, hasLetter, spelled ? separator : '\0', hasCloser);
    }

    private int StartPiece(int start, bool spaceBefore)
    {
        if (_pieceCount == _pieceStart.Length)
        {
            var size = _pieceStart.Length * 2;
            Array.Resize(ref _pieceStart, size);
            Array.Resize(ref _pieceEnd, size);
            Array.Resize(ref _pieceHasLetter, size);
            Array.Resize(ref _spaceBeforePiece, size);
            Array.Resize(ref _softGapAfter, size);
            Array.Resize(ref _groupHasLetter, size);
        }

        var piece = _pieceCount++;
        _pieceStart[piece] = start;
        _pieceHasLetter[piece] = false;
        _spaceBeforePiece[piece] = spaceBefore;
        _softGapAfter[piece] = false;
        return piece;
    }

    private bool SameRun(int first, int next) =>
        _unitKind[next] == _unitKind[first]
        && (_unitKind[first] == UnitKind.Mask || _unitChar[next] == _unitChar[first]
            || _unitChar[first] is '$' or '@' && _unitChar[next] is '$' or '@');

    private bool IsLeetGlyph(int first, int runEnd, int tokenStart, int tokenEnd, bool tokenHasLetter, bool tokenHasCloser)
    {
        var c = _unitChar[first];
        var before = first - 1;
        var after = runEnd;
        if (c is '$' or '@')
        {
            // "a$$", "@ss" but not "$100", "as$150" or a lone "@". A word of symbols alone reads as letters when it
            // mixes both and has three or more ("@$$", not "$$" or "$$$").
            if (!tokenHasLetter)
            {
                return first == tokenStart && runEnd == tokenEnd && runEnd - first >= 3 && MixesDollarAndAt(first, runEnd);
            }

            if (c == '$' && after < tokenEnd && _unitKind[after] == UnitKind.Digit)
            {
                return false;
            }

            return before >= tokenStart && IsWordish(before) || after < tokenEnd && IsWordish(after);
        }

        if (runEnd - first > 1)
        {
            return false; // "!!!" is emphasis, not letters
        }

        // '<' and '(' open asides, so only read them as letters inside a word ("co<k"), or a '<' that starts a word
        // of two or more letters with no '>' to close it ("<unt", not "<br>" or "<3").
        if (c is '<' or '(')
        {
            var startsWord = c == '<' && first == tokenStart && !tokenHasCloser && after + 1 < tokenEnd
                && _unitKind[after] == UnitKind.Letter && _unitKind[after + 1] == UnitKind.Letter;
            return startsWord || before >= tokenStart && IsWordish(before) && after < tokenEnd && IsWordish(after);
        }

        // '!', '|' and '+' end sentences and join words, so only read them as letters before a letter ("sh!t").
        return after < tokenEnd && IsWordish(after);
    }

    private bool MixesDollarAndAt(int first, int end)
    {
        var dollar = false;
        var at = false;
        for (var u = first; u < end; u++)
        {
            dollar |= _unitChar[u] == '$';
            at |= _unitChar[u] == '@';
        }

        return dollar && at;
    }

    private bool IsMaskGlyph(int first, int runEnd, int tokenStart, int tokenEnd)
    {
        // Inside a word ("f*ck"), or two or more ending a word that has a letter before them ("f***", "sh**").
        var run = runEnd - first;
        var afterLetters = first > tokenStart && IsWordish(first - 1);
        var insideWord = afterLetters && runEnd < tokenEnd && IsWordish(runEnd);
        var endingWord = afterLetters && run >= 2 && runEnd == tokenEnd;
        return run <= MaxMaskRun && (insideWord || endingWord);
    }

    /// <summary>Two or three dashes between letters hide letters ("f--k", "f---ers"); one joins words.</summary>
    private bool IsDashMask(int first, int runEnd, int tokenStart, int tokenEnd)
    {
        var run = runEnd - first;
        return run is >= 2 and <= MaxMaskRun && first > tokenStart && _unitKind[first - 1] == UnitKind.Letter
            && runEnd < tokenEnd && _unitKind[runEnd] == UnitKind.Letter;
    }

    /// <summary>The "://" of an address ("https://ex…") ends a word: "s://ex" is no "sex", even where no link is found.</summary>
    private bool IsSchemeGap(int piece)
    {
        var gap = _pieceEnd[piece];
        return _pieceStart[piece + 1] - gap == 3 && _unitChar[gap] == ':' && _unitChar[gap + 1] == '/' && _unitChar[gap + 2] == '/';
    }

    private void ClassifyGaps(string text)
    {
        for (var p = 0; p + 1 < _pieceCount; p++)
        {
            _softGapAfter[p] = !_spaceBeforePiece[p + 1] && _pieceStart[p + 1] - _pieceEnd[p] <= MaxInnerGap && !IsSchemeGap(p);
        }

        // Spelled-out words: three or more single letters in a row with short gaps between them.
        var first = 0;
        while (first < _pieceCount)
        {
            if (!IsSingleGlyphPiece(first))
            {
                first++;
                continue;
            }

            // The gaps of a spelled-out word look alike ("f.u.c.k", "f u c k"); "a f.u.c.k" does not join the "a".
            var last = first;
            while (last + 1 < _pieceCount && IsSingleGlyphPiece(last + 1) && ShortGap(text, last)
                && (last == first || SameGap(text, first, last)))
            {
                last++;
            }

            if (last - first + 1 >= 3)
            {
                for (var q = first; q < last; q++)
                {
                    _softGapAfter[q] = true;
                }
            }

            first = last + 1;
        }

        // A word split after its first letter ("f uck", "w anker"): a lone consonant, not one of a row of initials,
        // one space before a word of three or more units. Vowels are left alone: "a" and "I" are words.
        for (var p = 0; p + 1 < _pieceCount; p++)
        {
            if (IsLoneConsonant(p) && (p == 0 || !IsSingleGlyphPiece(p - 1)) && _spaceBeforePiece[p + 1]
                && _pieceStart[p + 1] - _pieceEnd[p] == 1 && _pieceEnd[p + 1] - _pieceStart[p + 1] >= 3
                && _pieceHasLetter[p + 1])
            {
                _softGapAfter[p] = true;
            }
        }

        // Leetspeak applies to words that have at least one real letter: "sh1t" yes, "2016" no.
        var groupStart = 0;
        for (var p = 0; p < _pieceCount; p++)
        {
            if (p + 1 < _pieceCount && _softGapAfter[p])
            {
                continue;
            }

            var hasLetter = false;
            for (var q = groupStart; q <= p; q++)
            {
                hasLetter |= _pieceHasLetter[q];
            }

            for (var q = groupStart; q <= p; q++)
            {
                _groupHasLetter[q] = hasLetter;
            }

            groupStart = p + 1;
        }
    }

    private bool IsSingleGlyphPiece(int piece) => _pieceEnd[piece] - _pieceStart[piece] == 1;

    private bool IsLoneConsonant(int piece) =>
        IsSingleGlyphPiece(piece) && (piece == 0 || _spaceBeforePiece[piece])
        && _unitChar[_pieceStart[piece]] is >= 'b' and <= 'z' and not ('e' or 'i' or 'o' or 'u' or 'y');

    private bool SameGap(string text, int firstPiece, int pieceBefore) =>
        GapText(text, firstPiece).SequenceEqual(GapText(text, pieceBefore));

    private ReadOnlySpan<char> GapText(string text, int pieceBefore)
    {
        var start = _unitStart[_pieceEnd[pieceBefore]];
        var end = _unitEnd[_pieceStart[pieceBefore + 1] - 1];
        return text.AsSpan(start, end - start);
    }

    private bool ShortGap(string text, int pieceBefore)
    {
        var gapStart = _pieceEnd[pieceBefore];
        var gapEnd = _pieceStart[pieceBefore + 1];
        if (gapEnd - gapStart > MaxSpelledGap)
        {
            return false;
        }

        for (var u = gapStart; u < gapEnd; u++)
        {
            if (text[_unitStart[u]] is '\n' or '\r')
            {
                return false;
            }
        }

        return true;
    }

    private void Emit(NormalizedText output)
    {
        // Each element stands for units of its own (a piece's unit, or the one or more units of a gap), so the
        // units bound the elements.
        output.EnsureCapacity(_unitCount);
        var primaries = output.Primary;
        var alternates = output.Alternate;
        var kinds = output.Kind;
        var starts = output.OriginalStart;
        var ends = output.OriginalEnd;
        var unitChar = _unitChar;
        var unitStart = _unitStart;
        var unitEnd = _unitEnd;
        var count = 0;
        for (var p = 0; p < _pieceCount; p++)
        {
            var readings = _groupHasLetter[p] ? ReadingInWord : ReadingOutsideWord;
            var pieceEnd = _pieceEnd[p];
            for (var u = _pieceStart[p]; u < pieceEnd; u++)
            {
                var c = unitChar[u];
                var (primary, alternate) = c < 128 ? readings[c] : (c, '\0');
                primaries[count] = primary;
                alternates[count] = alternate;
                kinds[count] = ElementKind.Letter;
                starts[count] = unitStart[u];
                ends[count] = unitEnd[u];
                count++;
            }

            if (p + 1 < _pieceCount)
            {
                primaries[count] = ' ';
                alternates[count] = '\0';
                kinds[count] = _softGapAfter[p] ? ElementKind.SoftSeparator : ElementKind.HardSeparator;
                starts[count] = unitStart[pieceEnd];
                ends[count] = unitEnd[_pieceStart[p + 1] - 1];
                count++;
            }
        }

        output.Count = count;
    }

    // How a unit of a word reads, by its ASCII character (a unit's kind follows from it). A unit of another
    // character in a word is always a letter and reads as itself. Digits read as letters only in a group of pieces
    // that has a letter ("sh1t" yes, "2016" no).
    private static readonly (char Primary, char Alternate)[] ReadingInWord = BuildReadings(digitsAsLetters: true);
    private static readonly (char Primary, char Alternate)[] ReadingOutsideWord = BuildReadings(digitsAsLetters: false);

    private static (char Primary, char Alternate)[] BuildReadings(bool digitsAsLetters)
    {
        var readings = new (char Primary, char Alternate)[128];
        for (var c = (char)0; c < 128; c++)
        {
            readings[c] = AsciiKinds[c] switch
            {
                UnitKind.Letter when c is 'v' or 'z' or 'k' or 'x' => (c, Leetspeak.Read(c).Alternate),
                UnitKind.Digit when digitsAsLetters => LeetReading(c),
                UnitKind.LeetSymbol => LeetReading(c),
                UnitKind.Mask or UnitKind.Punctuation => ('*', '\0'),
                _ => (c, '\0'),
            };
        }

        return readings;
    }

    private static (char Primary, char Alternate) LeetReading(char c)
    {
        var (primary, alternate) = Leetspeak.Read(c);
        return (primary == '\0' ? c : primary, alternate);
    }
}
