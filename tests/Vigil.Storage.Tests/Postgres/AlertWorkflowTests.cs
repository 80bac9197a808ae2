using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Postgres;

public sealed class AlertWorkflowTests : Tests.AlertWorkflowTests
{
    protected override TestDatabase NewDatabase() => new PostgresTestDatabase();
}
