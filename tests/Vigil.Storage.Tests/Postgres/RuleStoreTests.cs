using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Postgres;

public sealed class RuleStoreTests : Tests.RuleStoreTests
{
    protected override TestDatabase NewDatabase() => new PostgresTestDatabase();
}
