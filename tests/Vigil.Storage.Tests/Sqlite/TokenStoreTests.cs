using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Sqlite;

public sealed class TokenStoreTests : Tests.TokenStoreTests
{
    protected override TestDatabase NewDatabase() => new SqliteTestDatabase();
}
