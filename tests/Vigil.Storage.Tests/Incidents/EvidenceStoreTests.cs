using System.Security.Cryptography;
using System.Text;
using Vigil.Response.Incidents;
using Vigil.Storage.Protection;

namespace Vigil.Storage.Tests.Incidents;

/// <summary>Evidence, the custody log and key rotation, run on both databases by the derived classes.</summary>
public abstract class EvidenceStoreTests : IncidentTestBase
{
    protected const string PlantedNhsNumber = "9434765919";
    protected const string PlantedName = "Marjorie Planted-Testname";

    protected static byte[] Mailbox { get; } = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat($"From: {PlantedName} <m@example.org>\nNHS number {PlantedNhsNumber}\n\n", 5000)));

    [Fact]
    public async Task Evidence_is_hashed_on_intake_and_exports_identically_with_custody_entries()
    {
        var (incident, item) = await AddAsync();

        Assert.Equal((Convert.ToHexStringLower(SHA256.HashData(Mailbox)), (long)Mailbox.Length, "mailbox.mbox"), (item.Sha256, item.Length, item.FileName));
        using var exported = new MemoryStream();
        Assert.NotNull(await Store.Evidence.ExportAsync(incident, item.Id, exported, "bob", None));
        Assert.Equal(Mailbox, exported.ToArray());
        Assert.True(await Store.Evidence.RecordTransferAsync(incident, item.Id, "police", "bob", None));
        Assert.Equal(["intake:alice", "export:bob", "transfer:bob"], (await Store.Evidence.ListCustodyAsync(incident, None)).Select(c => $"{c.Action}:{c.Actor}"));
        Assert.Equal(["mailbox.mbox"], (await Store.Evidence.ListAsync(incident, None)).Select(e => e.FileName));
        var verified = await Store.Evidence.VerifyAsync(None);
        Assert.True(verified.Intact, verified.FirstBroken);
        Assert.Equal((3, 1), (verified.EntriesChecked, verified.FilesChecked));
    }

    [Fact]
    public async Task A_flipped_byte_in_an_evidence_file_is_detected()
    {
        var (incident, item) = await AddAsync();
        var blob = Directory.GetFiles(Path.Combine(DataDirectory, "evidence")).Single();
        var bytes = await File.ReadAllBytesAsync(blob);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(blob, bytes);

        var verified = await Store.Evidence.VerifyAsync(None);
        Assert.False(verified.Intact);
        Assert.StartsWith($"evidence {item.Id}", verified.FirstBroken, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ProtectionException>(() => Store.Evidence.ExportAsync(incident, item.Id, Stream.Null, "bob", None));
    }

    [Theory]
    [InlineData("changed", "UPDATE custody_log SET actor = 'mallory' WHERE seq = 2", "custody entry 2")]
    [InlineData("removed", "DELETE FROM custody_log WHERE seq = 2", "custody entry 2")]
    [InlineData("reordered", "UPDATE custody_log SET seq = -1 WHERE seq = 2; UPDATE custody_log SET seq = 2 WHERE seq = 3; UPDATE custody_log SET seq = 3 WHERE seq = -1", "custody entry 2")]
    public async Task A_tampered_custody_log_is_detected(string how, string sql, string named)
    {
        var (incident, item) = await AddAsync();
        await Store.Evidence.ExportAsync(incident, item.Id, Stream.Null, "bob", None);
        await Store.Evidence.RecordTransferAsync(incident, item.Id, "police", "bob", None);
        await Database.ScalarAsync(sql);

        var verified = await Store.Evidence.VerifyAsync(None);
        Assert.False(verified.Intact, how);
        Assert.StartsWith(named, verified.FirstBroken, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evidence_decrypts_only_with_the_right_master_key_and_rotation_keeps_it_readable()
    {
        var (incident, item) = await AddAsync();
        await Store.Incidents.PutSealedDocumentAsync(incident, "assessment", Encoding.UTF8.GetBytes("{}"), "alice", None);
        var wrong = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await ReopenAsync(wrong);
        var error = await Assert.ThrowsAsync<ProtectionException>(() => Store.Evidence.ExportAsync(incident, item.Id, Stream.Null, "bob", None));
        Assert.Contains("is not the key", error.Message, StringComparison.Ordinal);

        await ReopenAsync(Key);
        var next = RandomNumberGenerator.GetBytes(32);
        await Store.Evidence.RotateMasterKeyAsync(next, "admin", None);
        await ReopenAsync(Convert.ToBase64String(next));
        using var exported = new MemoryStream();
        await Store.Evidence.ExportAsync(incident, item.Id, exported, "bob", None);
        Assert.Equal(Mailbox, exported.ToArray());
        Assert.Equal("{}"u8.ToArray(), await Store.Incidents.GetSealedDocumentAsync(incident, "assessment", "bob", None));
        Assert.True((await Store.Evidence.VerifyAsync(None)).Intact);
        await ReopenAsync(Key);
        await Assert.ThrowsAsync<ProtectionException>(() => Store.Evidence.ExportAsync(incident, item.Id, Stream.Null, "bob", None));
    }

    [Fact]
    public async Task Rotation_with_the_key_file_replaces_the_file_and_old_evidence_stays_readable()
    {
        await ReopenAsync(null);
        var (incident, item) = await AddAsync();
        var keyFile = Path.Combine(DataDirectory, "master.key");
        var before = await File.ReadAllTextAsync(keyFile);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }

        await Store.Evidence.RotateMasterKeyAsync(RandomNumberGenerator.GetBytes(32), "admin", None);
        Assert.NotEqual(before, await File.ReadAllTextAsync(keyFile));
        await ReopenAsync(null);
        using var exported = new MemoryStream();
        await Store.Evidence.ExportAsync(incident, item.Id, exported, "bob", None);
        Assert.Equal(Mailbox, exported.ToArray());
    }

    [Fact]
    public async Task Verifying_one_incident_checks_its_files_and_documents_and_not_another_incidents()
    {
        var (first, _) = await AddAsync();
        await Store.Incidents.PutSealedDocumentAsync(first, "assessment", "{}"u8.ToArray(), "alice", None);
        var (second, secondItem) = await AddAsync();
        var blob = Path.Combine(DataDirectory, "evidence", (string)(await Database.ScalarAsync($"SELECT blob_name FROM evidence WHERE id = {secondItem.Id}"))!);
        var bytes = await File.ReadAllBytesAsync(blob);
        bytes[^20] ^= 0x01;
        await File.WriteAllBytesAsync(blob, bytes);

        var verified = await Store.Evidence.VerifyIncidentAsync(first, None);
        Assert.True(verified.Intact, verified.FirstBroken);
        Assert.Equal((first, 1, 1, 3, 2), (verified.IncidentId, verified.FilesChecked, verified.DocumentsChecked, verified.EntriesChecked, verified.IncidentEntries));
        var broken = await Store.Evidence.VerifyIncidentAsync(second, None);
        Assert.StartsWith($"evidence {secondItem.Id}", broken.FirstBroken, StringComparison.Ordinal);
        Assert.False((await Store.Evidence.VerifyAsync(None)).Intact);
    }

    [Theory]
    [InlineData("changed", "UPDATE custody_log SET actor = 'mallory' WHERE seq = 3", "custody entry 3")]
    [InlineData("removed", "DELETE FROM custody_log WHERE seq = 3", "custody entry 3")]
    [InlineData("reordered", "UPDATE custody_log SET seq = -1 WHERE seq = 3; UPDATE custody_log SET seq = 3 WHERE seq = 4; UPDATE custody_log SET seq = 4 WHERE seq = -1", "custody entry 3")]
    [InlineData("its first transfer removed", "DELETE FROM custody_log WHERE seq = 4", "custody entry 4")]
    public async Task Verifying_one_incident_detects_a_tampered_custody_entry_of_it(string how, string sql, string named)
    {
        var (other, _) = await AddAsync();
        await Store.Evidence.RecordTransferAsync(other, 1, "police", "bob", None);
        var (incident, item) = await AddAsync();
        await Store.Evidence.RecordTransferAsync(incident, item.Id, "police", "bob", None);
        await Store.Evidence.RecordTransferAsync(other, 1, "court", "bob", None);
        await Database.ScalarAsync(sql);

        var verified = await Store.Evidence.VerifyIncidentAsync(incident, None);
        Assert.False(verified.Intact, how);
        Assert.StartsWith(named, verified.FirstBroken, StringComparison.Ordinal);
    }

    protected async Task<(long Incident, Response.Evidence.EvidenceItem Item)> AddAsync()
    {
        var incident = await Store.Incidents.CreateAsync(new NewIncident("Mailbox compromise", "high", Database.Time.GetUtcNow(), ["uk-gdpr"]), "alice", None);
        using var content = new MemoryStream(Mailbox);
        var item = await Store.Evidence.AddAsync(incident.Id, "mailbox.mbox", content, "alice", None);
        return (incident.Id, item);
    }
}
