using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Incidents;

public sealed class SqliteIncidentStoreTests : IncidentStoreTests
{
    protected override TestDatabase NewDatabase() => new SqliteTestDatabase();
}
