using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Sqlite;

public sealed class EventBlockTests : Tests.EventBlockTests
{
    protected override TestDatabase NewDatabase() => new SqliteTestDatabase();
}
