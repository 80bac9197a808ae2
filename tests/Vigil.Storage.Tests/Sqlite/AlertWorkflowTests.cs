using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Sqlite;

public sealed class AlertWorkflowTests : Tests.AlertWorkflowTests
{
    protected override TestDatabase NewDatabase() => new SqliteTestDatabase();
}
