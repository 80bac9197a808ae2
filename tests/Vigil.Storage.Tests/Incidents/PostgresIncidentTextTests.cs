using System.Globalization;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Incidents;

public sealed class PostgresIncidentTextTests : IncidentTextTests
{
    [Fact]
    public async Task No_planted_patient_identifier_typed_into_an_incident_is_in_any_raw_column_in_clear()
    {
        await PlantAsync();
        foreach (var (table, columns) in new[]
        {
            ("incidents", new[] { "title", "description_sealed" }),
            ("incident_comments", ["text", "text_sealed"]),
            ("incident_timeline", ["text", "text_sealed"]),
            ("incident_tasks", ["title", "note_sealed"]),
        })
        {
            foreach (var column in columns)
            {
                foreach (var planted in new[] { PlantedNhsNumber, "Planted-Testname" })
                {
                    // The raw bytes of the column, text or bytea alike, searched for the planted value.
                    var hits = await Database.ScalarAsync($"SELECT COUNT(*) FROM {table} WHERE position(convert_to('{planted}', 'UTF8') in {(column.EndsWith("_sealed", StringComparison.Ordinal) ? column : $"convert_to({column}, 'UTF8')")}) > 0");
                    Assert.True(Convert.ToInt64(hits, CultureInfo.InvariantCulture) == 0, $"{table}.{column} holds {planted} in clear");
                }
            }
        }
    }

    protected override TestDatabase NewDatabase() => new PostgresTestDatabase();
}
