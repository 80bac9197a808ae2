using Npgsql;
using Vigil.Storage;
using Vigil.Storage.Discovery;

namespace Vigil.Web.Tests.Discovery;

/// <summary>The PHI scan store (migration 6) on SQLite and PostgreSQL (<c>VIGIL_TEST_POSTGRES</c>, see tests/Vigil.Storage.Tests).</summary>
public sealed class PhiScanStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task A_scan_is_stored_and_read_back_with_items_riskiest_first_findings_and_subjects(string provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), "vigil-phi-store", Guid.NewGuid().ToString("N"));
        var schema = "t_" + Guid.NewGuid().ToString("N");
        var server = Environment.GetEnvironmentVariable("VIGIL_TEST_POSTGRES");
        if (provider == "postgresql")
        {
            Assert.False(string.IsNullOrWhiteSpace(server), "VIGIL_TEST_POSTGRES is not set: export VIGIL_TEST_POSTGRES=\"$(scripts/postgres-test-db.sh)\" before dotnet test");
            await ExecuteAsync(server!, $"CREATE SCHEMA {schema}");
        }

        try
        {
            var options = provider == "sqlite" ? new StoreOptions { DataDirectory = folder } : new StoreOptions { ConnectionString = $"{server};Search Path={schema}" };
            await using var store = await VigilStore.OpenAsync(options, TimeProvider.System, CancellationToken.None);
            var id = await store.PhiScans.StartAsync("/exports/a.mbox", "user:dpo", Start, CancellationToken.None);
            await store.PhiScans.ProgressAsync(id, 10, 1, CancellationToken.None);
            Assert.Equal((PhiScanStatus.Running, 10L), await StatusAsync(store, id));

            PhiItemResult Item(long seq, int score) => new(
                new PhiItemRecord(0, seq, $"a.mbox#{seq} mid=00", "/exports/a.mbox", "message", score, 1, 0, score > 5 ? 1 : 0, ["UK_NHS"]),
                [new PhiFindingRecord("UK_NHS", "identity", "body", "*** *** 5919", 40, 12, 0.95), new PhiFindingRecord("ICD10", "health", "attachment[1]:*.pdf", "E**.*", 7, 5, 0.8)]);
            var subject = new PhiSubjectRecord(1, "S00001", false, "J. S.", ["identity", "health"], new Dictionary<string, long> { ["UK_NHS"] = 2 },
                [new("UK_NHS", "*** *** 5919"), new("EMAIL", "j\"***@example.com")], [1, 3]);
            await store.PhiScans.CompleteAsync(id, new PhiScanResult(PhiScanStatus.Incomplete, Start.AddMinutes(1), 12, 1,
                new Dictionary<string, long> { ["UK_NHS"] = 3, ["ICD10"] = 3 }, [Item(1, 3), Item(2, 9), Item(3, 9)], [subject]), CancellationToken.None);

            var scan = await store.PhiScans.GetAsync(id, CancellationToken.None);
            Assert.NotNull(scan);
            Assert.Equal((PhiScanStatus.Incomplete, 12L, 3L, 6L, 1L, 1L), (scan.Status, scan.Items, scan.ItemsWithFindings, scan.Findings, scan.Problems, scan.Subjects));
            Assert.Equal(3, scan.ByType["ICD10"]);
            var first = await store.PhiScans.ItemsAsync(id, null, 2, CancellationToken.None);
            Assert.Equal([2L, 3L], first.Select(static i => i.Seq));
            var rest = await store.PhiScans.ItemsAsync(id, new PhiItemCursor(first[^1].Score, first[^1].Seq), 2, CancellationToken.None);
            Assert.Equal([1L], rest.Select(static i => i.Seq));
            var findings = await store.PhiScans.FindingsAsync(id, 2, CancellationToken.None);
            Assert.Equal(("*** *** 5919", 40, 12), (findings[0].Masked, findings[0].Start, findings[0].Length));
            var stored = Assert.Single(await store.PhiScans.SubjectsAsync(id, 0, 10, CancellationToken.None));
            Assert.Equal(subject.Identifiers, stored.Identifiers);
            Assert.Equal(subject.ItemSeqs, stored.ItemSeqs);
            Assert.Equal(("J. S.", false), (stored.Name, stored.Correspondent));

            var failed = await store.PhiScans.StartAsync("/exports/b", "user:dpo", Start.AddHours(1), CancellationToken.None);
            await store.PhiScans.FailAsync(failed, PhiScanStatus.Interrupted, "the server stopped", Start.AddHours(2), CancellationToken.None);
            var list = await store.PhiScans.ListAsync(null, 10, CancellationToken.None);
            Assert.Equal([failed, id], list.Select(static s => s.Id));
            Assert.Equal("the server stopped", list[0].Error);
            Assert.Equal([id], (await store.PhiScans.ListAsync(failed, 10, CancellationToken.None)).Select(static s => s.Id));
        }
        finally
        {
            if (provider == "postgresql")
            {
                await ExecuteAsync(server!, $"DROP SCHEMA IF EXISTS {schema} CASCADE");
            }
            else if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task<(string, long)> StatusAsync(IVigilStore store, long id)
    {
        var scan = await store.PhiScans.GetAsync(id, CancellationToken.None);
        return (scan!.Status, scan.Items);
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection($"{server};Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
