using Vigil.Discovery.Subjects;

namespace Vigil.Response.Breach;

/// <summary>What a scan of the evidence found.</summary>
/// <param name="Subjects">The data subjects, values revealed (patient data: keep sealed).</param>
/// <param name="Items">Items (messages, documents) scanned.</param>
/// <param name="Problems">Inputs or parts that could not be read.</param>
public sealed record EvidenceScopeResult(IReadOnlyList<DataSubject> Subjects, int Items, int Problems);
