namespace Vigil.Ingestion.Tests.Listeners;

/// <summary>A fact skipped off Linux, where file identities (device:inode) are not read.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "device:inode file identities are read on Linux only";
        }
    }
}
