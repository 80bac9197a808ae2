using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Incidents;

public sealed class SqliteBreachNotificationStoreTests : BreachNotificationStoreTests
{
    protected override TestDatabase NewDatabase() => new SqliteTestDatabase();
}
