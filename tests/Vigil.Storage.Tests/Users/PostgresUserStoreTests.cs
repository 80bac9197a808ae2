using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Users;

public sealed class PostgresUserStoreTests : UserStoreTests
{
    protected override TestDatabase NewDatabase() => new PostgresTestDatabase();
}
