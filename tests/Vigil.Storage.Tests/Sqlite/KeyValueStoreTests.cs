using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Sqlite;

public sealed class KeyValueStoreTests : Tests.KeyValueStoreTests
{
    protected override TestDatabase NewDatabase() => new SqliteTestDatabase();
}
