namespace Vigil.Vulnerabilities.Feeds;

/// <summary>Collects what the feed readers produce and the items they skip.</summary>
internal sealed class FeedSink
{
    public List<Advisory> Advisories { get; } = [];

    public List<KevEntry> Kev { get; } = [];

    public List<EpssScore> Epss { get; } = [];

    public List<NvdRecord> Nvd { get; } = [];

    public List<FeedProblem> Problems { get; } = [];

    /// <summary>Shares repeated strings across the records of this read.</summary>
    public Formats.StringPool Strings { get; } = new();

    /// <summary>Records a skipped item: where and why, never its content.</summary>
    public void Problem(string file, string item, string reason) => Problems.Add(new FeedProblem(file, item, reason));

    public FeedReadResult ToResult() => new(Advisories, Kev, Epss, Nvd, Problems);
}
