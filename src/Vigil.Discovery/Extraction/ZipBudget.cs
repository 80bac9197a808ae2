namespace Vigil.Discovery.Extraction;

/// <summary>The bytes one archive (with the archives inside it) may still expand to.</summary>
internal sealed class ZipBudget(long bytes)
{
    public long Remaining { get; private set; } = bytes;

    public void Spend(long bytes) => Remaining = Math.Max(0, Remaining - bytes);
}
