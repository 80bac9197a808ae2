using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Incidents;

public sealed class SqliteIncidentTextTests : IncidentTextTests
{
    [Fact]
    public async Task No_planted_patient_identifier_typed_into_an_incident_is_in_the_database_files_in_clear()
    {
        await PlantAsync();
        await Store.DisposeAsync();
        var files = Directory.GetFiles(DataDirectory, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith("vigil.db", StringComparison.Ordinal));
        await ClearTextScan.AssertNoneAsync(DataDirectory, PlantedNhsNumber, PlantedName, "Planted-Testname");

        await ReopenAsync(Key);
    }

    protected override TestDatabase NewDatabase() => new SqliteTestDatabase();
}
