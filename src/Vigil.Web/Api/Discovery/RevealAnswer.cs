using Vigil.Web.Discovery;

namespace Vigil.Web.Api.Discovery;

/// <summary>An item's values read again from its file (not stored), or why they could not be.</summary>
internal sealed record RevealAnswer(long ScanId, long ItemSeq, string ItemId, IReadOnlyList<RevealedValue> Values, string? Error);
