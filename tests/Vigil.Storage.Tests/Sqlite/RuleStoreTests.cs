using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Sqlite;

public sealed class RuleStoreTests : Tests.RuleStoreTests
{
    protected override TestDatabase NewDatabase() => new SqliteTestDatabase();
}
