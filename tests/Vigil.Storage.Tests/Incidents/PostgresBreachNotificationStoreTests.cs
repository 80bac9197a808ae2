using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Incidents;

public sealed class PostgresBreachNotificationStoreTests : BreachNotificationStoreTests
{
    protected override TestDatabase NewDatabase() => new PostgresTestDatabase();
}
