using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Postgres;

public sealed class EventBlockTests : Tests.EventBlockTests
{
    protected override TestDatabase NewDatabase() => new PostgresTestDatabase();
}
