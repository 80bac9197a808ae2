namespace Vigil.Storage.Discovery;

/// <summary>The states of a PHI scan.</summary>
public static class PhiScanStatus
{
    /// <summary>Reading and scanning.</summary>
    public const string Running = "running";

    /// <summary>Every input read.</summary>
    public const string Completed = "completed";

    /// <summary>Finished, but some inputs or parts could not be read: counts may be incomplete.</summary>
    public const string Incomplete = "incomplete";

    /// <summary>Stopped by an error.</summary>
    public const string Failed = "failed";

    /// <summary>Stopped because the server stopped.</summary>
    public const string Interrupted = "interrupted";
}
