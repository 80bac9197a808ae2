namespace Vigil.Web.Api.Vulnerabilities;

/// <summary>A page of findings by priority; pass <see cref="Next"/> as <c>after</c> for the next page.</summary>
internal sealed record VulnFindingPage(IReadOnlyList<VulnFindingRow> Findings, int Unreadable, string? Next);
