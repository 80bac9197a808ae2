using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Postgres;

public sealed class OpeningTests : Tests.OpeningTests
{
    protected override TestDatabase NewDatabase() => new PostgresTestDatabase();
}
