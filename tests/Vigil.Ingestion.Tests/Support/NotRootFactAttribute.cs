namespace Vigil.Ingestion.Tests.Support;

/// <summary>A Unix fact skipped when the tests run as root, who can read whatever the permissions say.</summary>
public sealed class NotRootFactAttribute : FactAttribute
{
    public NotRootFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix permissions only";
        }
        else if (Environment.UserName == "root")
        {
            Skip = "root bypasses file permissions, so a chmod 000 file is readable";
        }
    }
}
