using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Sqlite;

public sealed class QuarantineStoreTests : Tests.QuarantineStoreTests
{
    protected override TestDatabase NewDatabase() => new SqliteTestDatabase();
}
