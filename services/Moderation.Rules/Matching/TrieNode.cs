namespace Moderation.Rules.Matching;

/// <summary>One node of a term trie. Children are few per node, so a linear scan beats a dictionary.</summary>
internal sealed class TrieNode
{
    private char[] _keys = [];
    private TrieNode[] _children = [];

    public int[] Terminals { get; private set; } = [];

    public ReadOnlySpan<char> Keys => _keys;

    public ReadOnlySpan<TrieNode> Children => _children;

    public TrieNode? Child(char key)
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
