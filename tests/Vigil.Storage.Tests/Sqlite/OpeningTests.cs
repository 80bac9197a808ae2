using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Sqlite;

public sealed class OpeningTests : Tests.OpeningTests
{
    protected override TestDatabase NewDatabase() => new SqliteTestDatabase();
}
