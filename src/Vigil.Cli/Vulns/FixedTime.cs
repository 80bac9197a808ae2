namespace Vigil.Cli.Vulns;

/// <summary>The clock of a scan run <c>--as-of</c> a date: always that moment.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
