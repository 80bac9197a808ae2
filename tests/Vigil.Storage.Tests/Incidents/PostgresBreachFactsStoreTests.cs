using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Incidents;

public sealed class PostgresBreachFactsStoreTests : BreachFactsStoreTests
{
    protected override TestDatabase NewDatabase() => new PostgresTestDatabase();
}
