using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Audit;

public sealed class PostgresAuditLogTests : AuditLogTests
{
    protected override TestDatabase NewDatabase() => new PostgresTestDatabase();
}
