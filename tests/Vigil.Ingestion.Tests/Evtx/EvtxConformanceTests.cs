using System.Text.RegularExpressions;
using Vigil.Events;
using Vigil.Ingestion.Tests.Support;

namespace Vigil.Ingestion.Tests.Evtx;

/// <summary>EVTX files read natively give the same events, field by field, as their JSON renders.</summary>
public sealed partial class EvtxConformanceTests
{
    // Renders edited by hand after conversion, so they no longer say what the .evtx says: (file name, field).
    private static readonly HashSet<(string File, string Field)> KnownRenderEdits =
    [
        // The .evtx holds "C:\Windows\Explorer.EXE"; the render was lower-cased to "Explorer.exe".
        ("ad691d92-15f2-4181-9aa4-723c74f9ddc3.evtx", "ParentCommandLine"),
    ];

    [Fact]
    public void Every_regression_evtx_gives_the_events_of_its_json_render_field_by_field()
    {
        var regression = Path.Combine(SharedData.Folder(), "sigma", "regression_data");
        var files = Directory.EnumerateFiles(regression, "*.evtx", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= 100, $"only {files.Count} .evtx files under {regression}");

        var failures = new List<string>();
        foreach (var evtx in files)
        {
            var json = Path.ChangeExtension(evtx, ".json");
            var relative = Path.GetRelativePath(regression, evtx);
            if (!File.Exists(json))
            {
                failures.Add($"{relative}: no JSON render beside it");
                continue;
            }

            var native = Reading.Of(evtx);
            var render = Reading.Of(json);
            failures.AddRange(native.Problems.Select(p => $"{relative}: {p}"));
            if (native.Events.Count != render.Events.Count)
            {
                failures.Add($"{relative}: {native.Events.Count} events, the render has {render.Events.Count}");
                continue;
            }

            for (var i = 0; i < native.Events.Count; i++)
            {
                var known = KnownRenderEdits.Where(k => k.File == Path.GetFileName(evtx)).Select(k => k.Field).ToHashSet();
                failures.AddRange(Differences(native.Events[i], render.Events[i], known).Select(d => $"{relative} event {i + 1}: {d}"));
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} differences:\n" + string.Join("\n", failures.Take(40)));
    }

    [Theory]
    [InlineData("security.evtx", 2261)]
    [InlineData("system.evtx", 1881)]
    [InlineData("sysmon.evtx", 358)]
    public void The_evtx_samples_read_whole_without_problems(string name, int count)
    {
        var path = Path.Combine(SharedData.Folder("sigma/evtx-samples"), "sigma", "evtx-samples", name);

        var reading = Reading.Of(path);

        Assert.Empty(reading.ProblemKeys);
        Assert.Equal(count, reading.Events.Count);
        Assert.All(reading.Events, e =>
        {
            Assert.NotNull(e.Timestamp);
            Assert.NotNull(e.Get("EventID"));
            Assert.NotNull(e.Get("Provider_Name"));
            Assert.Equal(path, e.Source);
            Assert.Equal(e.Get("EventRecordID"), e.Record.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
    }

    // The differences of two events after normalising what the renders write differently.
    private static IEnumerable<string> Differences(LogEvent native, LogEvent render, HashSet<string> skipped)
    {
        if (Micros(native.Timestamp) != Micros(render.Timestamp))
        {
            yield return $"Timestamp {native.Timestamp:O} != {render.Timestamp:O}";
        }

        var ours = Normalised(native);
        var theirs = Normalised(render);
        foreach (var name in ours.Keys.Union(theirs.Keys).Except(skipped).Order(StringComparer.Ordinal))
        {
            var a = ours.GetValueOrDefault(name) ?? [];
            var b = theirs.GetValueOrDefault(name) ?? [];
            if (!a.SequenceEqual(b))
            {
                yield return $"{name}: [{string.Join(", ", a)}] != [{string.Join(", ", b)}]";
            }
        }
    }

    private static long? Micros(DateTimeOffset? time) => time?.UtcTicks / 10;

    private static Dictionary<string, List<string?>> Normalised(LogEvent logEvent)
    {
        var fields = new Dictionary<string, List<string?>>(StringComparer.Ordinal);
        foreach (var (name, value) in logEvent.Fields())
        {
            if (!fields.TryGetValue(name, out var values))
            {
                fields[name] = values = [];
            }

            values.Add(Normalise(value));
        }

        return fields;
    }

    // Known format differences: timestamp precision (7 or 6 fraction digits), GUID case and braces, hex padding and case.
    private static string? Normalise(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (IsoTime().Match(value) is { Success: true } time)
        {
            return time.Groups[1].Value + "." + time.Groups[2].Value.PadRight(7, '0')[..6] + "Z";
        }

        if (Guid().IsMatch(value))
        {
            return value.Trim('{', '}').ToUpperInvariant();
        }

        if (Hex().IsMatch(value))
        {
            var digits = value[2..].TrimStart('0').ToLowerInvariant();
            return "0x" + (digits.Length == 0 ? "0" : digits);
        }

        return value;
    }

    [GeneratedRegex(@"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?Z$")]
    private static partial Regex IsoTime();

    [GeneratedRegex(@"^\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}?$")]
    private static partial Regex Guid();

    [GeneratedRegex("^0x[0-9A-Fa-f]+$")]
    private static partial Regex Hex();
}
