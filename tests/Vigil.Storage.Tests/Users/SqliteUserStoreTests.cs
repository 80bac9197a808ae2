using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Users;

public sealed class SqliteUserStoreTests : UserStoreTests
{
    protected override TestDatabase NewDatabase() => new SqliteTestDatabase();
}
