using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Postgres;

public sealed class AlertStoreTests : Tests.AlertStoreTests
{
    protected override TestDatabase NewDatabase() => new PostgresTestDatabase();
}
