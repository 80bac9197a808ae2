using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Incidents;

public sealed class PostgresIncidentNumberingTests : IncidentNumberingTests
{
    protected override TestDatabase NewDatabase() => new PostgresTestDatabase();
}
