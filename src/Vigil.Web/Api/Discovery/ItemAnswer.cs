using Vigil.Storage.Discovery;

namespace Vigil.Web.Api.Discovery;

/// <summary>One item with its findings, masked.</summary>
internal sealed record ItemAnswer(PhiItemRecord Item, IReadOnlyList<PhiFindingRecord> Findings);
