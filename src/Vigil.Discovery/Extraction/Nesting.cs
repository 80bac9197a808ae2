namespace Vigil.Discovery.Extraction;

/// <summary>Where a part sits: its name prefix, how many messages and archives deep, and the archive byte budget.</summary>
/// <param name="Prefix">Prepended to part names (<c>attachment[2]/</c>), empty at the top.</param>
/// <param name="MessageDepth">Forwarded messages above this part.</param>
/// <param name="ZipDepth">ZIP archives above this part.</param>
/// <param name="ZipBudget">Bytes the outermost archive may still expand to; null outside archives.</param>
internal sealed record Nesting(string Prefix, int MessageDepth, int ZipDepth, ZipBudget? ZipBudget)
{
    public static Nesting Top { get; } = new(string.Empty, 0, 0, null);
}
