namespace Vigil.Vulnerabilities.Feeds;

/// <summary>What reading feed files gave, by kind, with the items skipped.</summary>
public sealed record FeedReadResult(
    IReadOnlyList<Advisory> Advisories,
    IReadOnlyList<KevEntry> Kev,
    IReadOnlyList<EpssScore> Epss,
    IReadOnlyList<NvdRecord> Nvd,
    IReadOnlyList<FeedProblem> Problems);
