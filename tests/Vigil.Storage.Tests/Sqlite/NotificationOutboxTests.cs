using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Sqlite;

public sealed class NotificationOutboxTests : Tests.NotificationOutboxTests
{
    protected override TestDatabase NewDatabase() => new SqliteTestDatabase();
}
