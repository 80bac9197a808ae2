using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Postgres;

public sealed class TokenStoreTests : Tests.TokenStoreTests
{
    protected override TestDatabase NewDatabase() => new PostgresTestDatabase();
}
