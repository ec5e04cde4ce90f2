using System.Numerics;

namespace Moderation.Rules.Matching;

/// <summary>
/// A finished term trie in flat arrays, nodes numbered breadth first. The children of a node sit side by side in the
/// order of their symbols (see <see cref="TermAlphabet"/>), so the child for a letter is one bit test and a
/// population count on the node's child mask. The rare trie whose terms use more than 64 distinct characters keeps
/// the children for the rest in a dictionary.
/// </summary>
internal sealed class TermTrie
{
    public const int None = -1;
    public const int Root = 0;

    private const int MaskSymbols = 64;

    private readonly TermAlphabet _alphabet;
    private readonly Dictionary<(int Node, char Key), int> _overflowChildren = [];

    private readonly ulong[] _childMask;
    private readonly int[] _firstChild;
    private readonly int[] _terminalStart;
    private readonly int[] _terminals;

    // The children of each node again, in the order their keys were added: the walk tries them in that order.
    private readonly int[] _inOrderStart;
    private readonly char[] _keysInOrder;
    private readonly int[] _childrenInOrder;

    // One bit per three element codes: whether a walk could get anywhere from a letter with the first code followed
    // by elements with the other two.
    private readonly ulong[] _mayStart = new ulong[(TermAlphabet.Codes * TermAlphabet.Codes * TermAlphabet.Codes + 63) / 64];

    public TermTrie(TrieNode root, TermAlphabet alphabet)
    {
        _alphabet = alphabet;
        var nodes = BreadthFirst(root);

        var id = new Dictionary<TrieNode, int>(ReferenceEqualityComparer.Instance);
        for (var n = 0; n < nodes.Count; n++)
        {
            id[nodes[n]] = n;
        }

        _childMask = new ulong[nodes.Count];
        _firstChild = new int[nodes.Count];
        _terminalStart = new int[nodes.Count + 1];
        _inOrderStart = new int[nodes.Count + 1];
        var terminals = new List<int>();
        var keysInOrder = new List<char>();
        var childrenInOrder = new List<int>();
        for (var n = 0; n < nodes.Count; n++)
        {
            var node = nodes[n];
            _terminalStart[n] = terminals.Count;
            terminals.AddRange(node.Terminals);
            _inOrderStart[n] = keysInOrder.Count;
            keysInOrder.AddRange(node.Keys);
            childrenInOrder.AddRange(node.Children.Select(child => id[child]));

            _firstChild[n] = node.Children.Count == 0 ? None : node.Children.Min(child => id[child]);
            for (var k = 0; k < node.Keys.Count; k++)
            {
                var symbol = Symbol(node.Keys[k]);
                if (symbol < MaskSymbols)
                {
                    _childMask[n] |= 1UL << symbol;
                }
                else
                {
                    _overflowChildren[(n, node.Keys[k])] = id[node.Children[k]];
                }
            }
        }

        _terminalStart[nodes.Count] = terminals.Count;
        _inOrderStart[nodes.Count] = keysInOrder.Count;
        _terminals = [.. terminals];
        _keysInOrder = [.. keysInOrder];
        _childrenInOrder = [.. childrenInOrder];

        for (var first = 0; first < TermAlphabet.Codes; first++)
        {
            for (var second = 0; second < TermAlphabet.Codes; second++)
            {
                for (var third = 0; third < TermAlphabet.Codes; third++)
                {
                    if (MayStartWith(first, second, third))
                    {
                        var bit = StartIndex(first, second, third);
                        _mayStart[bit / 64] |= 1UL << bit;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Whether a walk from a letter could report a term or get past the third element, by the
    /// <see cref="StartIndex"/> of the codes of the letter and the two elements after it. False only when it surely
    /// cannot, so a start it rules out is one the walk would have found nothing from.
    /// </summary>
    public bool MayStart(int startIndex) => (_mayStart[startIndex / 64] & (1UL << startIndex)) != 0;

    /// <summary>Where the start table keeps the bit of a letter with element code <paramref name="first"/> followed by elements with the other two.</summary>
    public static int StartIndex(int first, int second, int third) =>
        (first * TermAlphabet.Codes + second) * TermAlphabet.Codes + third;

    private bool MayStartWith(int first, int second, int third)
    {
        if (first is TermAlphabet.OtherCode or TermAlphabet.AmbiguousCode)
        {
            return true;
        }

        if (first >= TermAlphabet.DirectSymbols || first >= _alphabet.Count)
        {
            return false; // a masked letter or a letter no term has starts nothing; separators start no walk
        }

        var letter = _alphabet.Character(first);
        var node = Child(Root, letter);
        if (node == None)
        {
            return false;
        }

        var step = Step(node, letter, second);
        return step.Open || (!step.Dead && !Step(step.Node, step.Last, third).Dead);
    }

    /// <summary>
    /// What a walk at <paramref name="node"/> does with an element of code <paramref name="code"/>: dies, may do
    /// several or unknown things (open), or moves to one node.
    /// </summary>
    private (bool Dead, bool Open, int Node, char Last) Step(int node, char last, int code)
    {
        const bool dead = true;
        if (HasTerminals(node))
        {
            return (!dead, true, node, last);
        }

        switch (code)
        {
            case TermAlphabet.NoneCode or TermAlphabet.EndCode:
                return (dead, false, node, last);
            case TermAlphabet.HardSeparatorCode:
                var space = Child(node, ' ');
                return space == None ? (dead, false, node, last) : (!dead, false, space, ' ');
            case >= TermAlphabet.DirectSymbols:
                return (!dead, true, node, last); // a masked or ambiguous letter, a soft separator: leave it to the walk
            case var symbol when symbol >= _alphabet.Count:
                return (dead, false, node, last);
        }

        if (Child(node, ' ') != None)
        {
            return (!dead, true, node, last); // a phrase may go on run together ("cameljockey"): leave it to the walk
        }

        var letter = _alphabet.Character(code);
        var child = Child(node, letter);
        var stretches = letter == last;
        return (child != None, stretches) switch
        {
            (true, true) => (!dead, true, node, last),
            (true, false) => (!dead, false, child, letter),
            (false, true) => (!dead, false, node, last),
            _ => (dead, false, node, last),
        };
    }

    public int Child(int node, char key)
    {
        var symbol = _alphabet.Symbol(key);
        if ((uint)symbol < MaskSymbols)
        {
            var mask = _childMask[node];
            var bit = 1UL << symbol;
            return (mask & bit) == 0 ? None : _firstChild[node] + BitOperations.PopCount(mask & (bit - 1));
        }

        return symbol == None ? None : _overflowChildren.GetValueOrDefault((node, key), None);
    }

    public bool HasTerminals(int node) => _terminalStart[node + 1] != _terminalStart[node];

    public ReadOnlySpan<int> Terminals(int node) =>
        _terminals.AsSpan(_terminalStart[node], _terminalStart[node + 1] - _terminalStart[node]);

    public ReadOnlySpan<char> KeysInOrder(int node) =>
        _keysInOrder.AsSpan(_inOrderStart[node], _inOrderStart[node + 1] - _inOrderStart[node]);

    public ReadOnlySpan<int> ChildrenInOrder(int node) =>
        _childrenInOrder.AsSpan(_inOrderStart[node], _inOrderStart[node + 1] - _inOrderStart[node]);

    private int Symbol(char key) => _alphabet.Symbol(key);

    /// <summary>
    /// The nodes breadth first, each node's children in symbol order: the children of one node get consecutive
    /// numbers, and the shallow nodes every walk passes through sit together in memory.
    /// </summary>
    private List<TrieNode> BreadthFirst(TrieNode root)
    {
        var ordered = new List<TrieNode> { root };
        for (var i = 0; i < ordered.Count; i++)
        {
            var node = ordered[i];
            ordered.AddRange(Enumerable.Range(0, node.Keys.Count).OrderBy(k => Symbol(node.Keys[k])).Select(k => node.Children[k]));
        }

        return ordered;
    }
}
