using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Vigil.Response.Incidents;
using Vigil.Storage.Protection;

namespace Vigil.Storage.Tests.Incidents;

/// <summary>Master key rotation while other writers wrap data keys: nothing may stay under a retired key (both databases).</summary>
public abstract class KeyRotationTests : IncidentTestBase
{
    [Fact]
    public async Task Keys_written_while_the_master_key_rotates_end_up_under_the_new_key()
    {
        var last = await RotateDuringWritesAsync(Store, Store);

        await ReopenAsync(Convert.ToBase64String(last));
        await AssertAllUnderAsync(last);
    }

    [Fact]
    public async Task A_second_process_writing_through_a_rotation_with_the_key_file_follows_the_new_key()
    {
        await ReopenAsync(null);
        var other = await OpenAsync(null);
        byte[] last;
        await using (other)
        {
            last = await RotateDuringWritesAsync(Store, other);
            var after = await other.Incidents.CreateAsync(NewOne(), "carol", None);
            await other.Incidents.AddCommentAsync(after.Id, "carol", "after the rotations", None);
            Assert.Equal(["after the rotations"], (await other.Incidents.ListCommentsAsync(after.Id, None)).Select(c => c.Text));
        }

        Assert.Equal(Convert.ToBase64String(last), (await File.ReadAllTextAsync(Path.Combine(DataDirectory, "master.key"))).Trim());
        await ReopenAsync(Convert.ToBase64String(last));
        await AssertAllUnderAsync(last);
    }

    [Fact]
    public async Task A_process_holding_only_a_retired_key_cannot_wrap_under_it()
    {
        await Store.Incidents.PutSealedDocumentAsync((await Store.Incidents.CreateAsync(NewOne(), "alice", None)).Id, "assessment", "{}"u8.ToArray(), "alice", None);
        var stale = await OpenAsync(Key);
        await using (stale)
        {
            await Store.Evidence.RotateMasterKeyAsync(RandomNumberGenerator.GetBytes(32), "admin", None);
            var incident = await Store.Incidents.CreateAsync(NewOne(), "alice", None);

            var error = await Assert.ThrowsAsync<ProtectionException>(() => stale.Incidents.PutSealedDocumentAsync(incident.Id, "assessment", "{}"u8.ToArray(), "bob", None));
            Assert.Contains("was rotated", error.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<ProtectionException>(() => stale.Evidence.AddAsync(incident.Id, "log.txt", new MemoryStream("x"u8.ToArray()), "bob", None));
        }
    }

    [Fact]
    public async Task A_store_from_before_the_key_version_is_claimed_with_the_key_its_rows_use()
    {
        var incident = (await Store.Incidents.CreateAsync(NewOne(), "alice", None)).Id;
        await Store.Incidents.PutSealedDocumentAsync(incident, "assessment", "{}"u8.ToArray(), "alice", None);
        await Database.ScalarAsync("DELETE FROM master_key");
        var wrong = await OpenAsync(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        await using (wrong)
        {
            await Assert.ThrowsAsync<ProtectionException>(() => wrong.Incidents.PutSealedDocumentAsync(incident, "other", "{}"u8.ToArray(), "mallory", None));
        }

        await Store.Incidents.PutSealedDocumentAsync(incident, "other", "{}"u8.ToArray(), "alice", None);
        Assert.Equal(KeyRing.IdOf(Convert.FromBase64String(Key)), await Database.ScalarAsync("SELECT key_id FROM master_key"));
    }

    private static NewIncident NewOne() => new("Mailbox compromise", "high", DateTimeOffset.UnixEpoch.AddYears(56), ["uk-gdpr"]);

    /// <summary>Three writers (sealed documents, new incidents with comments, evidence) on <paramref name="writer"/> while <paramref name="rotator"/> rotates three times; returns the last key.</summary>
    private static async Task<byte[]> RotateDuringWritesAsync(IVigilStore rotator, IVigilStore writer)
    {
        var incident = (await writer.Incidents.CreateAsync(NewOne(), "alice", None)).Id;
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 3).Select(kind => Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested && n < 400)
            {
                n++;
                var text = $"written {n.ToString(CultureInfo.InvariantCulture)}";
                switch (kind)
                {
                    case 0:
                        await writer.Incidents.PutSealedDocumentAsync(incident, $"doc-{n.ToString(CultureInfo.InvariantCulture)}", Encoding.UTF8.GetBytes(text), "alice", None);
                        break;
                    case 1:
                        await writer.Incidents.AddCommentAsync((await writer.Incidents.CreateAsync(NewOne(), "alice", None)).Id, "alice", text, None);
                        break;
                    default:
                        await writer.Evidence.AddAsync(incident, "log.txt", new MemoryStream(Encoding.UTF8.GetBytes(text)), "alice", None);
                        break;
                }
            }

            return n;
        })).ToArray();
        var last = Array.Empty<byte>();
        for (var i = 0; i < 3; i++)
        {
            await Task.Delay(40);
            last = RandomNumberGenerator.GetBytes(32);
            await rotator.Evidence.RotateMasterKeyAsync(last, "admin", None);
        }

        await Task.Delay(40);
        await stop.CancelAsync();
        Assert.All(await Task.WhenAll(writers), n => Assert.True(n > 1));
        return last;
    }

    private async Task AssertAllUnderAsync(byte[] key)
    {
        var id = KeyRing.IdOf(key);
        foreach (var table in new[] { "evidence", "sealed_documents", "incident_keys" })
        {
            Assert.Equal(0L, Convert.ToInt64(await Database.ScalarAsync($"SELECT COUNT(*) FROM {table} WHERE key_id <> '{id}'"), CultureInfo.InvariantCulture));
        }

        var verified = await Store.Evidence.VerifyAsync(None);
        Assert.True(verified.Intact, verified.FirstBroken);
        foreach (var incident in await Store.Incidents.ListAsync(new IncidentQuery(Limit: 10_000), None))
        {
            await Store.Incidents.ListCommentsAsync(incident.Id, None);
        }
    }
}
