using Vigil.Response.Breach;

namespace Vigil.Web.Api.Breach;

/// <summary>What a scoping found.</summary>
/// <param name="Assessment">The new assessment (counts only).</param>
/// <param name="Problems">Inputs or parts that could not be read.</param>
internal sealed record ScopeAnswer(BreachAssessment Assessment, int Problems);
