namespace Moderation.Rules.Matching;

/// <summary>Matches found in one comment, as element ranges of its normalized text. Reused per thread.</summary>
internal sealed class TermMatches
{
    public int[] TermId = new int[32];
    public int[] First = new int[32];
    public int[] Last = new int[32];
    public bool[] Suppressed = new bool[32];
    public int Count;

    public void Clear() => Count = 0;

    public void Add(int termId, int first, int last)
    {
        // The walk reports a prefix term again at each longer ending: keep one match per term and start.
        for (var i = Count - 1; i >= 0 && First[i] == first; i--)
        {
            if (TermId[i] == termId)
            {
                Last[i] = Math.Max(Last[i], last);
                return;
            }
        }

        if (Count == TermId.Length)
        {
            var size = Count * 2;
            Array.Resize(ref TermId, size);
            Array.Resize(ref First, size);
            Array.Resize(ref Last, size);
            Array.Resize(ref Suppressed, size);
        }

        TermId[Count] = termId;
        First[Count] = first;
        Last[Count] = last;
        Suppressed[Count] = false;
        Count++;
    }
}
