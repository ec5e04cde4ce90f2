namespace Moderation.Rules.Matching;

/// <summary>
/// One node of a term trie while it is built; <see cref="TermTrie"/> then lays the finished trie out for the walk.
/// Keys keep the order they were added in, which is the order the walk tries them for a masked letter.
/// </summary>
internal sealed class TrieNode
{
    private readonly List<char> _keys = [];
    private readonly List<TrieNode> _children = [];
    private readonly List<int> _terminals = [];

    public IReadOnlyList<int> Terminals => _terminals;

    public IReadOnlyList<char> Keys => _keys;

    public IReadOnlyList<TrieNode> Children => _children;

    public TrieNode GetOrAdd(char key)
    {
        var index = _keys.IndexOf(key);
        if (index >= 0)
        {
            return _children[index];
        }

        var node = new TrieNode();
        _keys.Add(key);
        _children.Add(node);
        return node;
    }

    public void AddTerminal(int termId)
    {
        if (!_terminals.Contains(termId))
        {
            _terminals.Add(termId);
        }
    }
}
