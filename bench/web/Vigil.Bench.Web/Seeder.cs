using System.Globalization;
using Vigil.Events;
using Vigil.Storage;
using Vigil.Storage.Alerts;
using Vigil.Storage.Events;

namespace Vigil.Bench.Web;

/// <summary>Fills a SQLite store with events spread over 30 days (five kinds of log) and alerts over the same days.</summary>
internal static class Seeder
{
    public const int Days = 30;
    private static readonly string[] Sources = ["postfix", "sshd", "m365", "iis", "windows-security"];
    private static readonly string[] Users = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"];
    private static readonly string[] Levels = ["low", "medium", "medium", "high", "high", "critical"];

    public static async Task SeedAsync(IVigilStore store, DateTimeOffset now, int events, int alerts)
    {
        var start = now.AddDays(-Days);
        var step = TimeSpan.FromDays(Days) / events;
        var random = new Random(42);
        var batch = new List<EventRecord>(4096);
        for (var i = 0; i < events; i++)
        {
            var time = start + (step * i);
            var source = Sources[i % Sources.Length];
            var user = Users[random.Next(Users.Length)];
            var e = new LogEvent { Timestamp = time, SourceType = source, Source = "bench", Record = i };
            e.Add("user", user);
            e.Add("client_ip", string.Create(CultureInfo.InvariantCulture, $"198.51.100.{i % 250}"));
            e.Add("action", i % 97 == 0 ? "failed" : "ok");
            e.Add("host", string.Create(CultureInfo.InvariantCulture, $"pc-{i % 40:00}"));
            e.Add("message", string.Create(CultureInfo.InvariantCulture, $"{source} record {i} for {user} from a bench run with some text to make the row realistic"));
            batch.Add(new EventRecord(e, string.Create(CultureInfo.InvariantCulture, $"<13>{time:O} pc-{i % 40:00} {source}: record {i} user={user}"), time));
            if (batch.Count == 4096 || i == events - 1)
            {
                await store.Events.AppendAsync(batch, null, CancellationToken.None);
                batch.Clear();
            }
        }

        var candidates = new List<AlertCandidate>(500);
        for (var i = 0; i < alerts; i++)
        {
            var time = start + (TimeSpan.FromDays(Days) / alerts * i);
            var rule = i % 25;
            candidates.Add(new AlertCandidate(
                string.Create(CultureInfo.InvariantCulture, $"bench-rule-{rule}"),
                string.Create(CultureInfo.InvariantCulture, $"Bench rule {rule}"),
                Levels[rule % Levels.Length],
                string.Create(CultureInfo.InvariantCulture, $"{Users[i % Users.Length]}@pc-{i % 40:00}#{i}"),
                time,
                [1L + (long)(events * (double)i / alerts)],
                "{\"description\":\"A bench rule.\",\"tags\":[\"attack.credential_access\",\"attack.t1110.003\"],\"source_type\":\"sshd\"}"));
            if (candidates.Count == 500 || i == alerts - 1)
            {
                // The live detector's cursor moves past the seeded events: serve must not re-detect a million events while measured.
                await store.Alerts.RecordAsync(candidates, TimeSpan.FromHours(1), [], "live-detection", events, time, CancellationToken.None);
                candidates.Clear();
            }
        }
    }
}
