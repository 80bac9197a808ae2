namespace Vigil.Response.Incidents;

/// <summary>Something an incident involves that can be looked for elsewhere.</summary>
/// <param name="Kind"><c>account</c>, <c>ip</c>, <c>domain</c> or <c>file</c>.</param>
/// <param name="Value">The account name, address, domain or file path.</param>
/// <param name="Source">Where it was found (<c>event:ID</c>) or who added it.</param>
public sealed record Observable(string Kind, string Value, string Source);
