using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Postgres;

public sealed class QuarantineStoreTests : Tests.QuarantineStoreTests
{
    protected override TestDatabase NewDatabase() => new PostgresTestDatabase();
}
