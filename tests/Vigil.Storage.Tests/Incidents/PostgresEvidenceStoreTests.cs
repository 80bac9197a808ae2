using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Incidents;

public sealed class PostgresEvidenceStoreTests : EvidenceStoreTests
{
    protected override TestDatabase NewDatabase() => new PostgresTestDatabase();
}
