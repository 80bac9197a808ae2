using System.Collections.Frozen;

namespace Vigil.Discovery.Recognition;

/// <summary>Word-level trie of condition and medication phrases: node 0 is the root.</summary>
internal sealed class PhraseTrie
{
    private readonly FrozenDictionary<long, int> _next;
    private readonly PhraseKind[] _terminal;

    public PhraseTrie(Dictionary<long, int> next, List<PhraseKind> terminal)
    {
        _next = next.ToFrozenDictionary();
        _terminal = [.. terminal];
    }

    /// <summary>Number of nodes (for diagnostics and tests).</summary>
    public int NodeCount => _terminal.Length;

    /// <summary>The child of <paramref name="node"/> along word <paramref name="wordId"/>, or -1.</summary>
    public int Next(int node, int wordId) => _next.TryGetValue(Key(node, wordId), out var child) ? child : -1;

    /// <summary>The phrase kind ending at <paramref name="node"/>.</summary>
    public PhraseKind TerminalAt(int node) => _terminal[node];

    public static long Key(int node, int wordId) => ((long)node << 32) | (uint)wordId;
}
