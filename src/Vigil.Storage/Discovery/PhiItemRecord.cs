namespace Vigil.Storage.Discovery;

/// <summary>One message or document of a scan that holds findings: where it is and how much it exposes, no values.</summary>
/// <param name="ScanId">The scan.</param>
/// <param name="Seq">Its number in the scan (1, 2, ... in scan order).</param>
/// <param name="ItemId">The reader's item id (path, message number, hash of the Message-ID): carries no patient data.</param>
/// <param name="Location">The file it came from: a reveal reads it again.</param>
/// <param name="Kind"><c>message</c> or <c>document</c>.</param>
/// <param name="Score">Its risk score.</param>
/// <param name="Identity">Identity findings.</param>
/// <param name="Contact">Contact findings.</param>
/// <param name="Health">Health findings.</param>
/// <param name="Types">The types found, by name.</param>
public sealed record PhiItemRecord(long ScanId, long Seq, string ItemId, string Location, string Kind, int Score, int Identity, int Contact, int Health, IReadOnlyList<string> Types);
