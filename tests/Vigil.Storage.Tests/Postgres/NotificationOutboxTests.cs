using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Postgres;

public sealed class NotificationOutboxTests : Tests.NotificationOutboxTests
{
    protected override TestDatabase NewDatabase() => new PostgresTestDatabase();
}
