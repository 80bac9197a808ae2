using Vigil.Diagnostics;
using Vigil.Ingestion.Tests.Support;

namespace Vigil.Ingestion.Tests.Files;

public sealed class ProblemLogTests
{
    [Fact]
    public void Every_bad_line_is_counted_but_only_the_first_ones_are_kept()
    {
        using var folder = new TempFolder();
        var lines = ProblemLog.MaxKept + 2_500;
        var path = folder.File("garbage.ndjson", "{\"ok\":1}\n" + string.Concat(Enumerable.Repeat("{\"broken\": \n", lines)) + "{\"ok\":2}\n");
        var problems = new ProblemLog();
        var events = LogFiles.Read(path, problems).Count();
        Assert.Equal(2, events);
        Assert.Equal(lines, problems.Total);
        Assert.Equal(ProblemLog.MaxKept, problems.Problems.Count);
        Assert.Equal(lines, problems.ByKind["invalid-json"]);
    }
}
