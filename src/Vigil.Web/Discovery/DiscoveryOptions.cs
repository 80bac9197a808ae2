namespace Vigil.Web.Discovery;

/// <summary>Where the web app may run PHI scans (<c>http:discovery</c> in the configuration).</summary>
public sealed class DiscoveryOptions
{
    /// <summary>
    /// Folders whose files and sub-folders may be scanned (mailbox exports copied to the server). Empty: scans are
    /// refused. Nothing outside these folders is ever read, whatever path is asked for.
    /// </summary>
    public List<string> Roots { get; set; } = [];

    /// <summary>The name, ICD-10 and medicine lists (as for <c>vigil scan-phi --vocabulary</c>); null: identifiers, dates and contact details only.</summary>
    public string? Vocabulary { get; set; }

    /// <summary>Items scanned at once by one scan. Default 1, so that a scan leaves the server's other work a core.</summary>
    public int Parallelism { get; set; } = 1;
}
