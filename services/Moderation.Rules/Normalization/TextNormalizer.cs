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

    private char[] _unitChar = new char[256];
    private UnitKind[] _unitKind = new UnitKind[256];
    private int[] _unitStart = new int[256];
    private int[] _unitEnd = new int[256];
    private bool[] _unitGlyph = new bool[256];
    private int _unitCount;

    private int[] _pieceStart = new int[64];
    private int[] _pieceEnd = new int[64];
    private bool[] _softGapAfter = new bool[64];
    private bool[] _groupHasLetter = new bool[64];
    private int _pieceCount;

    public void Normalize(string text, NormalizedText output)
    {
        output.Reset(text);
        ReadUnits(text, output);
        MarkGlyphs();
        FindPieces();
        ClassifyGaps(text);
        Emit(output);
    }

    private void ReadUnits(string text, NormalizedText output)
    {
        _unitCount = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var start = i;
            if (c < 128)
            {
                // Most text is ASCII: fold and classify it without the per-character string of the general path.
                var kind = AsciiKinds[c];
                if (c is >= 'A' and <= 'Z')
                {
                    output.UpperCaseCount++;
                    c = (char)(c + 32);
                }
                else if (kind == UnitKind.Digit)
                {
                    output.DigitCount++;
                }

                if (kind == UnitKind.Letter)
                {
                    output.LetterCount++;
                }

                if (c is '\0' or (< ' ' and not ('\t' or '\n' or '\r' or '\f' or '\v')))
                {
                    // Control characters are invisible: they belong to the letter before them.
                    if (_unitCount > 0)
                    {
                        _unitEnd[_unitCount - 1] = i + 1;
                    }

                    continue;
                }

                AddUnit(c, kind, i, i + 1);
                continue;
            }

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
                    output.UpperCaseCount++;
                }

                if (c is >= '0' and <= '9')
                {
                    output.DigitCount++;
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

            foreach (var ch in folded)
            {
                var kind = Classify(ch);
                if (kind == UnitKind.Letter)
                {
                    output.LetterCount++;
                }

                AddUnit(ch, kind, start, end);
            }
        }
    }

    private static readonly UnitKind[] AsciiKinds = BuildAsciiKinds();

    private static UnitKind[] BuildAsciiKinds()
    {
        var kinds = new UnitKind[128];
        for (var c = 0; c < 128; c++)
        {
            kinds[c] = Classify(char.ToLowerInvariant((char)c));
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

    private void AddUnit(char c, UnitKind kind, int start, int end)
    {
        if (_unitCount == _unitChar.Length)
        {
            var size = _unitChar.Length * 2;
            Array.Resize(ref _unitChar, size);
            Array.Resize(ref _unitKind, size);
            Array.Resize(ref _unitStart, size);
            Array.Resize(ref _unitEnd, size);
            Array.Resize(ref _unitGlyph, size);
        }

        _unitChar[_unitCount] = c;
        _unitKind[_unitCount] = kind;
        _unitStart[_unitCount] = start;
        _unitEnd[_unitCount] = end;
        _unitCount++;
    }

    private bool IsWordish(int index) =>
        index >= 0 && index < _unitCount && _unitKind[index] is UnitKind.Letter or UnitKind.Digit;

    /// <summary>Decides which units belong to words; the rest are separators.</summary>
    private void MarkGlyphs()
    {
        var tokenStart = 0;
        while (tokenStart < _unitCount)
        {
            if (_unitKind[tokenStart] == UnitKind.Space)
            {
                _unitGlyph[tokenStart] = false;
                tokenStart++;
                continue;
            }

            var tokenEnd = tokenStart;
            var tokenHasLetter = false;
            while (tokenEnd < _unitCount && _unitKind[tokenEnd] != UnitKind.Space)
            {
                tokenHasLetter |= _unitKind[tokenEnd] == UnitKind.Letter;
                tokenEnd++;
            }

            var i = tokenStart;
            while (i < tokenEnd)
            {
                // Runs of one symbol are decided once for the whole run: deciding each unit by looking along its
                // run would cost quadratic time on a long run of dots or dashes.
                var runEnd = i + 1;
                var kind = _unitKind[i];
                if (kind is UnitKind.Mask or UnitKind.LeetSymbol or UnitKind.Punctuation)
                {
                    while (runEnd < tokenEnd && SameRun(i, runEnd))
                    {
                        runEnd++;
                    }
                }

                var glyph = kind switch
                {
                    UnitKind.Letter or UnitKind.Digit => true,
                    UnitKind.LeetSymbol => IsLeetGlyph(i, runEnd, tokenStart, tokenEnd, tokenHasLetter),
                    UnitKind.Mask => IsMaskGlyph(i, runEnd, tokenStart, tokenEnd),
                    UnitKind.Punctuation when _unitChar[i] is '-' or '_' => IsDashMask(i, runEnd, tokenStart, tokenEnd),
                    _ => false,
                };
                for (var u = i; u < runEnd; u++)
                {
                    _unitGlyph[u] = glyph;
                }

                i = runEnd;
            }

            tokenStart = tokenEnd;
        }
    }

    private bool SameRun(int first, int next) =>
        _unitKind[next] == _unitKind[first]
        && (_unitKind[first] == UnitKind.Mask || _unitChar[next] == _unitChar[first]
            || _unitChar[first] is '$' or '@' && _unitChar[next] is '$' or '@');

    private bool IsLeetGlyph(int first, int runEnd, int tokenStart, int tokenEnd, bool tokenHasLetter)
    {
        var c = _unitChar[first];
        var before = first - 1;
        var after = runEnd;
        if (c is '$' or '@')
        {
            // "a$$", "@ss" but not "$100", "as$150" or a lone "@".
            if (!tokenHasLetter || c == '$' && after < tokenEnd && _unitKind[after] == UnitKind.Digit)
            {
                return false;
            }

            return before >= tokenStart && IsWordish(before) || after < tokenEnd && IsWordish(after);
        }

        if (runEnd - first > 1)
        {
            return false; // "!!!" is emphasis, not letters
        }

        // '<' and '(' open asides, so only read them as letters inside a word ("<o<k" no, "co<k" yes).
        if (c is '<' or '(')
        {
            return before >= tokenStart && IsWordish(before) && after < tokenEnd && IsWordish(after);
        }

        // '!', '|' and '+' end sentences and join words, so only read them as letters before a letter ("sh!t").
        return after < tokenEnd && IsWordish(after);
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

    private void FindPieces()
    {
        _pieceCount = 0;
        var i = 0;
        while (i < _unitCount)
        {
            if (!_unitGlyph[i])
            {
                i++;
                continue;
            }

            var start = i;
            while (i < _unitCount && _unitGlyph[i])
            {
                i++;
            }

            if (_pieceCount == _pieceStart.Length)
            {
                var size = _pieceStart.Length * 2;
                Array.Resize(ref _pieceStart, size);
                Array.Resize(ref _pieceEnd, size);
                Array.Resize(ref _softGapAfter, size);
                Array.Resize(ref _groupHasLetter, size);
            }

            _pieceStart[_pieceCount] = start;
            _pieceEnd[_pieceCount] = i;
            _softGapAfter[_pieceCount] = false;
            _pieceCount++;
        }
    }

    private void ClassifyGaps(string text)
    {
        for (var p = 0; p + 1 < _pieceCount; p++)
        {
            var gapStart = _pieceEnd[p];
            var gapEnd = _pieceStart[p + 1];
            var hasSpace = false;
            for (var u = gapStart; u < gapEnd; u++)
            {
                hasSpace |= _unitKind[u] == UnitKind.Space;
            }

            _softGapAfter[p] = !hasSpace && gapEnd - gapStart <= MaxInnerGap;
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

        // Leetspeak applies to words that have at least one real letter: "sh1t" yes, "2016" no.
        var groupStart = 0;
        for (var p = 0; p < _pieceCount; p++)
        {
            if (p + 1 < _pieceCount && _softGapAfter[p])
            {
                continue;
            }

            var hasLetter = false;
            for (var q = groupStart; q <= p && !hasLetter; q++)
            {
                for (var u = _pieceStart[q]; u < _pieceEnd[q]; u++)
                {
                    if (_unitKind[u] == UnitKind.Letter)
                    {
                        hasLetter = true;
                        break;
                    }
                }
            }

            for (var q = groupStart; q <= p; q++)
            {
                _groupHasLetter[q] = hasLetter;
            }

            groupStart = p + 1;
        }
    }

    private bool IsSingleGlyphPiece(int piece) => _pieceEnd[piece] - _pieceStart[piece] == 1;

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
        for (var p = 0; p < _pieceCount; p++)
        {
            for (var u = _pieceStart[p]; u < _pieceEnd[p]; u++)
            {
                var c = _unitChar[u];
                switch (_unitKind[u])
                {
                    case UnitKind.Letter:
                        output.Add(c, c is 'v' or 'z' or 'k' ? Leetspeak.Read(c).Alternate : '\0', ElementKind.Letter, _unitStart[u], _unitEnd[u]);
                        break;
                    case UnitKind.Digit when _groupHasLetter[p]:
                    case UnitKind.LeetSymbol:
                        var (primary, alternate) = Leetspeak.Read(c);
                        output.Add(primary == '\0' ? c : primary, alternate, ElementKind.Letter, _unitStart[u], _unitEnd[u]);
                        break;
                    case UnitKind.Mask:
                    case UnitKind.Punctuation:
                        output.Add('*', '\0', ElementKind.Letter, _unitStart[u], _unitEnd[u]);
                        break;
                    default:
                        output.Add(c, '\0', ElementKind.Letter, _unitStart[u], _unitEnd[u]);
                        break;
                }
            }

            if (p + 1 < _pieceCount)
            {
                var gapFirst = _pieceEnd[p];
                var gapLast = _pieceStart[p + 1] - 1;
                var kind = _softGapAfter[p] ? ElementKind.SoftSeparator : ElementKind.HardSeparator;
                output.Add(' ', '\0', kind, _unitStart[gapFirst], _unitEnd[gapLast]);
            }
        }
    }
}
