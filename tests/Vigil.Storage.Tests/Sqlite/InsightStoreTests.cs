using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Sqlite;

public sealed class InsightStoreTests : Tests.InsightStoreTests
{
    protected override TestDatabase NewDatabase() => new SqliteTestDatabase();
}
