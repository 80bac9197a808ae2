using System.Text.Json;
using Vigil.Vulnerabilities.Feeds;
using Vigil.Vulnerabilities.Feeds.Osv;

namespace Vigil.Vulnerabilities.Tests.Feeds;

public sealed class OsvRangeTests
{
    public static TheoryData<string, string> Cases => new()
    {
        // events (JSON) → intervals as introduced|fixed|last_affected, ';'-separated, '-' for null
        { """[{"introduced":"0"},{"fixed":"1.2"}]""", "-|1.2|-" },
        { """[{"introduced":"1.0"}]""", "1.0|-|-" },
        { """[{"introduced":"1.0"},{"last_affected":"1.4"}]""", "1.0|-|1.4" },
        { """[{"introduced":"1.0"},{"fixed":"1.2"},{"introduced":"2.0"},{"fixed":"2.3"}]""", "1.0|1.2|-;2.0|2.3|-" },
        { """[{"introduced":"1.0"},{"introduced":"1.1"},{"fixed":"1.2"}]""", "1.0|1.2|-" },
        { """[{"fixed":"0.9"},{"introduced":"1.0"},{"fixed":"1.2"}]""", "1.0|1.2|-" },
        { """[{"introduced":"1.0"},{"limit":"2.0"}]""", "1.0|2.0|-" },
        { """[{"introduced":"1.0"},{"limit":"2.0"},{"limit":"3.0"}]""", "1.0|2.0|-;1.0|3.0|-" },
        { """[{"introduced":"1.0"},{"limit":"*"}]""", "1.0|-|-" },
        { """[{"introduced":"0"},{"fixed":"1.2"},{"limit":"5.0"}]""", "-|1.2|-" },
        { """[]""", "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Events_flatten_into_intervals_as_the_OSV_evaluation_reads_them(string events, string expected)
    {
        using var document = JsonDocument.Parse(events);
        var ranges = OsvRangeFlattener.Flatten(document.RootElement, out var reason);
        Assert.Null(reason);
        Assert.Equal(expected, string.Join(';', ranges!.Select(Show)));
    }

    [Theory]
    [InlineData("""[{"introduced":"0","fixed":"1"}]""")]
    [InlineData("""[{"introduced":1}]""")]
    [InlineData("""[{"unknown":"1"}]""")]
    [InlineData("""["0"]""")]
    public void Malformed_events_are_refused_with_the_event_index(string events)
    {
        using var document = JsonDocument.Parse(events);
        Assert.Null(OsvRangeFlattener.Flatten(document.RootElement, out var reason));
        Assert.StartsWith("event 0", reason, StringComparison.Ordinal);
    }

    private static string Show(VersionRange r) => $"{r.Introduced ?? "-"}|{r.Fixed ?? "-"}|{r.LastAffected ?? "-"}";
}
