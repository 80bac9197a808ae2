using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Incidents;

public sealed class SqliteIncidentNumberingTests : IncidentNumberingTests
{
    protected override TestDatabase NewDatabase() => new SqliteTestDatabase();
}
