using System.Text;
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
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var planted in new[] { PlantedNhsNumber, PlantedName, "Planted-Testname" })
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(planted)) < 0, $"{Path.GetFileName(file)} holds a planted identifier in clear");
                Assert.True(bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(planted)) < 0, $"{Path.GetFileName(file)} holds a planted identifier in UTF-16");
            }
        }

        await ReopenAsync(Key);
    }

    protected override TestDatabase NewDatabase() => new SqliteTestDatabase();
}
