using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Sqlite;

public sealed class AlertStoreTests : Tests.AlertStoreTests
{
    protected override TestDatabase NewDatabase() => new SqliteTestDatabase();
}
