namespace Vigil.Vulnerabilities.Exchange;

/// <summary>Whether an Exchange build is exposed to one CVE.</summary>
public enum ExchangeStatus
{
    /// <summary>A security update for this build's cumulative update (CU) fixes the CVE, and it is not installed.</summary>
    Vulnerable,

    /// <summary>The build holds the fix: the fixing security update (or a later one), or a CU released after the fix.</summary>
    Fixed,

    /// <summary>The CU never received a fix: only an upgrade to a newer CU (and its update) removes the exposure.</summary>
    UpdateLevelOutOfSupport,
}
