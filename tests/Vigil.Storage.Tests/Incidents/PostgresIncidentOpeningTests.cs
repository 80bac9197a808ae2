using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Incidents;

public sealed class PostgresIncidentOpeningTests : IncidentOpeningTests
{
    protected override TestDatabase NewDatabase() => new PostgresTestDatabase();
}
