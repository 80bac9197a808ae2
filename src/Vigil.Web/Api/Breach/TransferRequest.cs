namespace Vigil.Web.Api.Breach;

/// <summary>Evidence handed to someone.</summary>
/// <param name="Recipient">Who received it (a person, the police, an insurer).</param>
internal sealed record TransferRequest(string? Recipient);
