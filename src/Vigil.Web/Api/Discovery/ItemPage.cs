using Vigil.Storage.Discovery;

namespace Vigil.Web.Api.Discovery;

/// <summary>A page of items, riskiest first; pass <see cref="Next"/> as <c>after</c> for the next page.</summary>
internal sealed record ItemPage(IReadOnlyList<PhiItemRecord> Items, string? Next);
