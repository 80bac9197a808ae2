namespace Vigil.Bench.Web;

/// <summary>The store's clock while seeding: a set time for entries the store stamps itself (the audit log), else the real time.</summary>
internal sealed class SeedClock : TimeProvider
{
    /// <summary>The time to answer, or null for the real time.</summary>
    public DateTimeOffset? Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now ?? System.GetUtcNow();
}
