namespace Vigil.Response.Deadlines;

/// <summary>A jurisdiction's breach notification rules.</summary>
/// <param name="Id"><c>uk-gdpr</c>, <c>eu-gdpr</c>, <c>gg-dpl</c>, <c>je-dpjl</c>, <c>us-hipaa</c>, <c>nhs-dspt</c>.</param>
/// <param name="Name">Its name.</param>
/// <param name="Deadlines">Its deadlines.</param>
public sealed record JurisdictionProfile(string Id, string Name, IReadOnlyList<DeadlineRule> Deadlines);
