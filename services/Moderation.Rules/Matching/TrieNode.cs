namespace Moderation.Rules.Matching;

/// <summary>One node of a term trie. Children are few per node, so a linear scan beats a dictionary.</summary>
internal sealed class TrieNode
{
    // Above this many children a node gets a direct table for ASCII keys: the roots have one child per letter.
    private const int DirectTableThreshold = 6;

    private char[] _keys = [];
    private TrieNode[] _children = [];
    private TrieNode?[]? _ascii;

    public int[] Terminals { get; private set; } = [];

    public ReadOnlySpan<char> Keys => _keys;

    public ReadOnlySpan<TrieNode> Children => _children;

    public TrieNode? Child(char key)
    {
        var ascii = _ascii;
        if (ascii is not null)
        {
            return key < 128 ? ascii[key] : Scan(key);
        }

        return Scan(key);
    }

    private TrieNode? Scan(char key)
    {
        var keys = _keys;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] == key)
            {
                return _children[i];
            }
        }

        return null;
    }

    public TrieNode GetOrAdd(char key)
    {
        var existing = Child(key);
        if (existing is not null)
        {
            return existing;
        }

        var node = new TrieNode();
        _keys = [.. _keys, key];
        _children = [.. _children, node];
        if (_keys.Length > DirectTableThreshold)
        {
            _ascii ??= new TrieNode?[128];
            for (var i = 0; i < _keys.Length; i++)
            {
                if (_keys[i] < 128)
                {
                    _ascii[_keys[i]] = _children[i];
                }
            }
        }

        return node;
    }

    public void AddTerminal(int termId)
    {
        if (Array.IndexOf(Terminals, termId) < 0)
        {
            Terminals = [.. Terminals, termId];
        }
    }
}
