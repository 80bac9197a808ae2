namespace Vigil.Discovery.Recognition;

/// <summary>The value stored per vocabulary word.</summary>
/// <param name="Flags">What the word is.</param>
/// <param name="Id">Index used by the phrase trie.</param>
/// <param name="Month">1-12 for month words, else 0.</param>
internal readonly record struct WordInfo(WordFlags Flags, int Id, int Month);
