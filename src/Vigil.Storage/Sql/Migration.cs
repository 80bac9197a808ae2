namespace Vigil.Storage.Sql;

/// <summary>One numbered schema change in a provider's dialect.</summary>
/// <param name="Version">Applied in increasing order; recorded in <c>schema_migrations</c>.</param>
/// <param name="Description">What it does.</param>
/// <param name="Sql">The statements, run in the migration transaction.</param>
internal sealed record Migration(long Version, string Description, string Sql);
