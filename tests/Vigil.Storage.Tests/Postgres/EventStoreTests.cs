using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Postgres;

public sealed class EventStoreTests : Tests.EventStoreTests
{
    protected override TestDatabase NewDatabase() => new PostgresTestDatabase();
}
