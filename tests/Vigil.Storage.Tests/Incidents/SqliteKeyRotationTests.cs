using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Incidents;

public sealed class SqliteKeyRotationTests : KeyRotationTests
{
    protected override TestDatabase NewDatabase() => new SqliteTestDatabase();
}
