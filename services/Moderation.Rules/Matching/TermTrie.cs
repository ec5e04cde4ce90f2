using System.Numerics;

namespace Moderation.Rules.Matching;

/// <summary>
/// A finished term trie in flat arrays, nodes numbered breadth first. The characters of the terms are numbered as
/// symbols, most frequent first; the children of a node sit side by side in symbol order, so the child for a letter
/// is one bit test and a population count on the node's child mask. The rare trie whose terms use more than 64
/// distinct characters keeps the children for the rest in a dictionary.
/// </summary>
internal sealed class TermTrie
{
    public const int None = -1;
    public const int Root = 0;

    private const int MaskSymbols = 64;

    private readonly int[] _asciiSymbol = new int[128];
    private readonly Dictionary<char, int> _otherSymbol = [];
    private readonly Dictionary<(int Node, char Key), int> _overflowChildren = [];

    private readonly ulong[] _childMask;
    private readonly int[] _firstChild;
    private readonly int[] _terminalStart;
    private readonly int[] _terminals;

    // The children of each node again, in the order their keys were added: the walk tries them in that order.
    private readonly int[] _inOrderStart;
    private readonly char[] _keysInOrder;
    private readonly int[] _childrenInOrder;

    public TermTrie(TrieNode root)
    {
        NumberSymbols(root);
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
    }

    public int Child(int node, char key)
    {
        var symbol = key < 128 ? _asciiSymbol[key] : _otherSymbol.GetValueOrDefault(key, None);
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

    private int Symbol(char key) => key < 128 ? _asciiSymbol[key] : _otherSymbol[key];

    /// <summary>Numbers the keys of all nodes, most frequent first, so the common letters get the mask bits.</summary>
    private void NumberSymbols(TrieNode root)
    {
        var frequency = new Dictionary<char, int>();
        var pending = new Stack<TrieNode>([root]);
        while (pending.TryPop(out var node))
        {
            foreach (var key in node.Keys)
            {
                frequency[key] = frequency.GetValueOrDefault(key) + 1;
            }

            foreach (var child in node.Children)
            {
                pending.Push(child);
            }
        }

        var symbols = frequency.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key).Select(pair => pair.Key).ToList();
        Array.Fill(_asciiSymbol, None);
        for (var symbol = 0; symbol < symbols.Count; symbol++)
        {
            if (symbols[symbol] < 128)
            {
                _asciiSymbol[symbols[symbol]] = symbol;
            }
            else
            {
                _otherSymbol[symbols[symbol]] = symbol;
            }
        }
    }

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
