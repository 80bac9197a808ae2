using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Incidents;

public sealed class PostgresIncidentStoreTests : IncidentStoreTests
{
    protected override TestDatabase NewDatabase() => new PostgresTestDatabase();
}
