namespace Vigil.Cli.Demo;

/// <summary>What <c>vigil demo</c> was asked to do.</summary>
/// <param name="Seed">Seeds every random choice of the generator.</param>
/// <param name="Days">Days of clinic logs to generate.</param>
/// <param name="DataDirectory">Where to keep the logs and the store, or null for a temporary folder deleted afterwards.</param>
/// <param name="Format">table or json.</param>
/// <param name="Rules">Rule files or folders, or empty for Vigil's bundled rules.</param>
/// <param name="Analytics">Run Vigil's C# analytics beside the rules.</param>
internal sealed record DemoSettings(int Seed, int Days, string? DataDirectory, string Format, IReadOnlyList<string> Rules, bool Analytics = true)
{
    public const int MinDays = 7;
    public const int MaxDays = 366;
}
