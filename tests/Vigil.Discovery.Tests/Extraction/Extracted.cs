using Vigil.Discovery.Extraction;

namespace Vigil.Discovery.Tests.Extraction;

/// <summary>What a read produced: the items and the problems reported.</summary>
internal sealed record Extracted(IReadOnlyList<ScanItem> Items, IReadOnlyList<ScanProblem> Problems)
{
    public static Extracted Read(params string[] paths) => Read(ContentLimits.Default, paths);

    public static Extracted Read(ContentLimits limits, params string[] paths)
    {
        var problems = new List<ScanProblem>();
        var items = new ContentReader(limits).Read(paths, problems.Add).ToList();
        return new Extracted(items, problems);
    }

    public ScanItem Single => Assert.Single(Items);

    public string Text(string partName) => Assert.Single(Single.Parts, p => p.Name == partName).Text;

    public string AllText => string.Join("\n", Items.SelectMany(i => i.Parts).Select(p => p.Text));

    public ScanProblem Problem(string reasonContains) =>
        Assert.Single(Problems, p => p.Reason.Contains(reasonContains, StringComparison.Ordinal));
}
