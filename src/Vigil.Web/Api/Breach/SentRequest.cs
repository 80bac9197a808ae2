namespace Vigil.Web.Api.Breach;

/// <summary>A notification that was sent.</summary>
/// <param name="Jurisdiction">uk-gdpr, eu-gdpr, gg-dpl, je-dpjl, us-hipaa or nhs-dspt.</param>
/// <param name="Deadline">regulator, individuals, hhs, media, hhs-annual or dspt.</param>
/// <param name="Phase">initial (default), follow-up or final.</param>
/// <param name="SentAt">When it was sent (default now).</param>
/// <param name="Reference">The recipient's case reference.</param>
internal sealed record SentRequest(string? Jurisdiction, string? Deadline, string? Phase, DateTimeOffset? SentAt, string? Reference);
