using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Vigil.Discovery.Recognition;
using Vigil.Discovery.Subjects;
using Vigil.Response.Breach;
using Vigil.Response.Incidents;
using Vigil.Storage.Incidents;
using Vigil.Storage.Protection;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Incidents;

/// <summary>Scoping a breach from an evidence item reads it in place: the same subjects as scanning the plaintext file, and no plaintext left on disk.</summary>
public sealed class EvidenceScopingTests : IncidentTestBase
{
    private const string Nhs = "9434765919";
    private const string Name = "Marjorie Scopetest";

    private static readonly string Message = $"From: Practice <gp@example.org>\nTo: {Name} <marjorie@example.org>\nSubject: Results\nMessage-ID: <m{{0}}@example.org>\n\nDear {Name}, NHS number {Nhs}, your HbA1c result.\n";

    public static TheoryData<string> Formats => ["mbox", "eml", "gz", "pst"];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Scoping_an_item_finds_what_scanning_the_plaintext_file_finds_and_leaves_no_plaintext(string format)
    {
        var content = Content(format);
        var incident = await Store.Incidents.CreateAsync(new NewIncident("Mailbox compromise", "high", Database.Time.GetUtcNow(), ["uk-gdpr"]), "alice", None);
        EvidenceScopeResult expected;
        var plainFolder = Directory.CreateTempSubdirectory("vigil-scope-test-");
        try
        {
            var plain = Path.Combine(plainFolder.FullName, $"evidence.{format}");
            await File.WriteAllBytesAsync(plain, content);
            expected = EvidenceScope.Run([plain], PhiVocabulary.Empty, static _ => { }, None);
        }
        finally
        {
            plainFolder.Delete(recursive: true);
        }

        using var input = new MemoryStream(content);
        var item = await Store.Evidence.AddAsync(incident.Id, $"mailbox.{format}", input, "alice", None);
        var spooledInArea = 0;
        var area = PrivateTempFolder.AreaOf(DataDirectory);
        var result = await EvidenceScoping.ScanAsync(Store.Evidence, incident.Id, item.Id, PhiVocabulary.Empty, "alice", _ => spooledInArea += Directory.GetFiles(area, "*", SearchOption.AllDirectories).Length, None);

        Assert.NotNull(result);
        Assert.Equal((expected.Items, expected.Problems), (result.Items, result.Problems));
        Assert.Equal(Shape(expected.Subjects), Shape(result.Subjects));
        Assert.Equal(format == "pst", spooledInArea > 0);
        Assert.Empty(Directory.GetFileSystemEntries(area));
        await AssertNoPlaintextAsync(DataDirectory);
        Assert.Equal(["intake", "read"], (await Store.Evidence.ListCustodyAsync(incident.Id, None)).Select(c => c.Action));
    }

    [Fact]
    public async Task The_mailbox_is_scoped_with_its_patient_found()
    {
        var incident = await Store.Incidents.CreateAsync(new NewIncident("Mailbox compromise", "high", Database.Time.GetUtcNow(), ["uk-gdpr"]), "alice", None);
        using var input = new MemoryStream(Content("mbox"));
        var item = await Store.Evidence.AddAsync(incident.Id, "mailbox.mbox", input, "alice", None);

        var result = await EvidenceScoping.ScanAsync(Store.Evidence, incident.Id, item.Id, PhiVocabulary.Empty, "alice", static _ => { }, None);

        Assert.Equal(3, result!.Items);
        Assert.Contains(result.Subjects, s => s.Identifiers.Any(i => i.Value == Nhs));
        Assert.Null(await EvidenceScoping.ScanAsync(Store.Evidence, incident.Id, item.Id + 1, PhiVocabulary.Empty, "alice", static _ => { }, None));
    }

    [Fact]
    public async Task An_altered_evidence_file_refuses_the_scope()
    {
        var incident = await Store.Incidents.CreateAsync(new NewIncident("Mailbox compromise", "high", Database.Time.GetUtcNow(), ["uk-gdpr"]), "alice", None);
        using var input = new MemoryStream(Content("mbox"));
        var item = await Store.Evidence.AddAsync(incident.Id, "mailbox.mbox", input, "alice", None);
        var blob = Directory.GetFiles(Path.Combine(DataDirectory, "evidence")).Single();
        var bytes = await File.ReadAllBytesAsync(blob);
        bytes[40] ^= 0x01;
        await File.WriteAllBytesAsync(blob, bytes);

        await Assert.ThrowsAsync<ProtectionException>(() => EvidenceScoping.ScanAsync(Store.Evidence, incident.Id, item.Id, PhiVocabulary.Empty, "alice", static _ => { }, None));
    }

    [Fact]
    public async Task Folders_left_by_a_crashed_process_are_swept_when_the_store_opens_and_live_ones_kept()
    {
        var area = PrivateTempFolder.AreaOf(DataDirectory);
        var dead = Directory.CreateDirectory(Path.Combine(area, $"{int.MaxValue}-crashed")).FullName;
        await File.WriteAllTextAsync(Path.Combine(dead, "evidence.pst"), Nhs);
        using var live = Store.Evidence.CreatePrivateTemp();
        Assert.False(Directory.Exists(dead));

        Directory.CreateDirectory(dead);
        await ReopenAsync(Key);

        Assert.False(Directory.Exists(dead));
        Assert.True(Directory.Exists(live.Path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(area));
        }
    }

    protected override TestDatabase NewDatabase() => new SqliteTestDatabase();

    private static byte[] Content(string format)
    {
        var messages = string.Concat(Enumerable.Range(1, 3).Select(i => $"From gp@example.org Mon Jan  5 10:0{i}:00 2026\n" + string.Format(System.Globalization.CultureInfo.InvariantCulture, Message, i) + "\n"));
        switch (format)
        {
            case "eml":
                return Encoding.UTF8.GetBytes(string.Format(System.Globalization.CultureInfo.InvariantCulture, Message, 1));
            case "gz":
                using (var packed = new MemoryStream())
                {
                    using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
                    {
                        gzip.Write(Encoding.UTF8.GetBytes(messages));
                    }

                    return packed.ToArray();
                }

            case "pst":
                // Not a real PST: readpst rejects it, but only after it was spooled for readpst.
                return Encoding.UTF8.GetBytes("!BDN" + messages);
            default:
                return Encoding.UTF8.GetBytes(messages);
        }
    }

    private static string Shape(IReadOnlyList<DataSubject> subjects) => JsonSerializer.Serialize(subjects.Select(s => new
    {
        s.Correspondent,
        s.Name,
        s.LinkedBy,
        s.Categories,
        s.Types,
        s.Identifiers,
        Items = s.Items.Select(i => System.Text.RegularExpressions.Regex.Replace(i, @"^[^#\s]+", "input")),
    }));

    private static async Task AssertNoPlaintextAsync(string folder)
    {
        var roots = new[] { folder, Path.GetTempPath() };
        foreach (var file in roots.SelectMany(r => Directory.EnumerateFiles(r, "vigil-*", new EnumerationOptions { RecurseSubdirectories = r == folder, IgnoreInaccessible = true }).Concat(r == folder ? Directory.EnumerateFiles(r, "*", SearchOption.AllDirectories) : [])))
        {
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Nhs)) < 0, $"{file} holds the planted NHS number in clear");
        }
    }
}
