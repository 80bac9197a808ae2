using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Postgres;

public sealed class InsightStoreTests : Tests.InsightStoreTests
{
    protected override TestDatabase NewDatabase() => new PostgresTestDatabase();
}
