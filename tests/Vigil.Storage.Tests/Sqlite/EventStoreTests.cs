using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Sqlite;

public sealed class EventStoreTests : Tests.EventStoreTests
{
    protected override TestDatabase NewDatabase() => new SqliteTestDatabase();
}
