using Vigil.Discovery.Recognition;

namespace Vigil.Discovery.Subjects;

/// <summary>One person behind the findings: what of theirs was exposed, and where.</summary>
/// <param name="Id">A number in order of first appearance (<c>S00001</c>); carries no patient data.</param>
/// <param name="Correspondent">
/// True when the person appears as a sender or recipient (From, To, Cc): usually staff or the practice, not a patient.
/// </param>
/// <param name="Name">Their name as most often written, masked unless values were revealed; null when none was found.</param>
/// <param name="LinkedBy">What joined their records across items: identifier types, <c>NAME+DOB</c>; empty for one record.</param>
/// <param name="Categories">The categories exposed, in <see cref="PhiCategory"/> order.</param>
/// <param name="Types">Findings per type.</param>
/// <param name="Identifiers">Their distinct values (identifiers and health facts), one per type and value.</param>
/// <param name="Items">The items (message or document ids) they appear in, in scan order.</param>
public sealed record DataSubject(
    string Id,
    bool Correspondent,
    string? Name,
    IReadOnlyList<string> LinkedBy,
    IReadOnlyList<PhiCategory> Categories,
    IReadOnlyDictionary<string, int> Types,
    IReadOnlyList<SubjectValue> Identifiers,
    IReadOnlyList<string> Items);
