namespace Vigil.Vulnerabilities.Feeds;

/// <summary>One entry of CISA's Known Exploited Vulnerabilities catalogue.</summary>
public sealed record KevEntry(
    string CveId,
    string VendorProject,
    string Product,
    string Name,
    DateOnly DateAdded,
    DateOnly DueDate,
    bool KnownRansomwareUse);
