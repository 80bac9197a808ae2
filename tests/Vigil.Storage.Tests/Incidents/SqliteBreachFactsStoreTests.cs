using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Incidents;

public sealed class SqliteBreachFactsStoreTests : BreachFactsStoreTests
{
    protected override TestDatabase NewDatabase() => new SqliteTestDatabase();
}
