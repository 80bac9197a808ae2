using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Incidents;

public sealed class PostgresKeyRotationTests : KeyRotationTests
{
    protected override TestDatabase NewDatabase() => new PostgresTestDatabase();
}
