namespace Vigil.Response.Breach;

/// <summary>
/// How many people and records a breach touches: counts only, never a person's data. People are the data subjects
/// who are not correspondents (senders and recipients, usually staff) and have identity or contact data; records are
/// the messages or documents holding their data.
/// </summary>
/// <param name="People">Affected people.</param>
/// <param name="Records">Messages or documents holding affected people's data.</param>
/// <param name="PeopleWithIdentity">People whose identity data (names, numbers, dates of birth) was exposed.</param>
/// <param name="PeopleWithContact">People whose contact details were exposed.</param>
/// <param name="PeopleWithHealth">People whose health data (special category) was exposed.</param>
/// <param name="CorrespondentsExcluded">Senders and recipients left out of the count.</param>
/// <param name="UnattributedHealthRecords">Subjects holding health facts that no identity could be tied to (counted apart).</param>
/// <param name="PeopleByType">People per exposed data type (<c>UK_NHS</c>, <c>EMAIL</c>...).</param>
public sealed record BreachScope(
    int People,
    int Records,
    int PeopleWithIdentity,
    int PeopleWithContact,
    int PeopleWithHealth,
    int CorrespondentsExcluded,
    int UnattributedHealthRecords,
    IReadOnlyDictionary<string, int> PeopleByType)
{
    /// <summary>No people, no records.</summary>
    public static BreachScope Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, new Dictionary<string, int>());

    /// <summary>The categories exposed, in the order identity, contact, health (health is special category data).</summary>
    public IReadOnlyList<string> Categories =>
        new[] { (PeopleWithIdentity, "identity"), (PeopleWithContact, "contact"), (PeopleWithHealth, "health") }
            .Where(static c => c.Item1 > 0).Select(static c => c.Item2).ToList();
}
