namespace Vigil.Cli.Demo.Generation;

/// <summary>Generates the clinic's logs for a seed and a number of days, and writes them with their ground truth.</summary>
/// <remarks>
/// Deterministic: everything comes from <see cref="Random"/> seeded from <c>seed</c> (one stream per log source) and
/// the fixed start date <see cref="World.Start"/>; no clock is read. The same seed and days give byte-identical files.
/// </remarks>
internal static class ClinicGenerator
{
    public static (World World, GeneratedLogs Logs) Generate(int seed, int days, string folder)
    {
        var world = new World(seed, days);
        var book = new LogBook();
        EntraSignIns.Generate(world, new Random(World.Derive(seed, 10)), book);
        AuditLog.Generate(world, new Random(World.Derive(seed, 11)), book);
        IisLog.Generate(world, new Random(World.Derive(seed, 12)), book);
        MessageTracking.Generate(world, new Random(World.Derive(seed, 13)), book);
        ExchangeManagement.Generate(world, new Random(World.Derive(seed, 14)), book);
        return (world, book.Write(folder));
    }
}
