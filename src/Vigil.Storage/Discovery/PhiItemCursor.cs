namespace Vigil.Storage.Discovery;

/// <summary>The last item of a page of riskiest items: the next page starts after it.</summary>
/// <param name="Score">Its score.</param>
/// <param name="Seq">Its number in the scan.</param>
public readonly record struct PhiItemCursor(int Score, long Seq);
