using System.Text;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Incidents;

public sealed class SqliteEvidenceStoreTests : EvidenceStoreTests
{
    [Fact]
    public async Task No_planted_patient_identifier_is_in_the_database_or_evidence_files_in_clear()
    {
        await ReopenAsync(Key);
        var (incident, _) = await AddAsync();
        await Store.Incidents.PutSealedDocumentAsync(incident, "subjects", Encoding.UTF8.GetBytes($$"""{"nhs":"{{PlantedNhsNumber}}","name":"{{PlantedName}}"}"""), "alice", None);
        await using (var named = new MemoryStream(Mailbox))
        {
            await Store.Evidence.AddAsync(incident, $"{PlantedName} {PlantedNhsNumber}.mbox", named, "alice", None);
        }

        await Store.DisposeAsync();
        var files = Directory.GetFiles(DataDirectory, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith("vigil.db", StringComparison.Ordinal));
        Assert.Equal(2, files.Count(f => f.EndsWith(".vge", StringComparison.Ordinal)));
        await ClearTextScan.AssertNoneAsync(DataDirectory, PlantedNhsNumber, PlantedName, "Planted-Testname");

        await ReopenAsync(Key);
    }

    protected override TestDatabase NewDatabase() => new SqliteTestDatabase();
}
