using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Audit;

public sealed class SqliteAuditLogTests : AuditLogTests
{
    protected override TestDatabase NewDatabase() => new SqliteTestDatabase();
}
