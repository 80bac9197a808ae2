using Vigil.Discovery.Recognition;

namespace Vigil.Response.Breach;

/// <summary>
/// One person a letter goes to, taken from a revealed scan-phi subject. Holds patient details: it exists only while
/// letters are generated, and is never logged.
/// </summary>
/// <param name="SubjectId">The subject's id (<c>S00003</c>): names files and rows, carries no patient data.</param>
/// <param name="Name">Their name as most often written, or null when only other identifiers were found.</param>
/// <param name="Email">An e-mail address found for them, or null.</param>
/// <param name="Phone">A telephone number found for them, or null.</param>
/// <param name="Address">A postal address or postcode found for them, or null.</param>
/// <param name="Categories">Their exposed categories.</param>
/// <param name="Types">Their exposed data types (<see cref="PhiTypes"/>), never the values.</param>
public sealed record AffectedPerson(
    string SubjectId,
    string? Name,
    string? Email,
    string? Phone,
    string? Address,
    IReadOnlyList<PhiCategory> Categories,
    IReadOnlyList<string> Types);
