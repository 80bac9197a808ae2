using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Incidents;

public sealed class SqliteIncidentOpeningTests : IncidentOpeningTests
{
    protected override TestDatabase NewDatabase() => new SqliteTestDatabase();
}
