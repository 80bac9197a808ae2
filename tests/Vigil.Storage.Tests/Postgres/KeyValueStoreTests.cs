using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Postgres;

public sealed class KeyValueStoreTests : Tests.KeyValueStoreTests
{
    protected override TestDatabase NewDatabase() => new PostgresTestDatabase();
}
