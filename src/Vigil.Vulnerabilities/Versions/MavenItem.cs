namespace Vigil.Vulnerabilities.Versions;

/// <summary>One parsed item of a Maven version: a number, a qualifier, or the start of a nested list.</summary>
/// <param name="Kind">What the item is.</param>
/// <param name="Start">Offset of the item's text in the version string (numbers and qualifiers).</param>
/// <param name="Length">Length of the item's text.</param>
/// <param name="Rank">For qualifiers: 0-6 for alpha, beta, milestone, rc, snapshot, release (""), sp; 7 = unknown.</param>
internal readonly record struct MavenItem(MavenItemKind Kind, int Start, int Length, int Rank)
{
    /// <summary>Rank of the release qualifier (<c>""</c>, <c>ga</c>, <c>final</c>, <c>release</c>).</summary>
    public const int ReleaseRank = 5;

    /// <summary>Rank given to every qualifier Maven does not know; those then compare by their text.</summary>
    public const int UnknownRank = 7;
}
