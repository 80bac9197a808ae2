using Vigil.Storage.Discovery;

namespace Vigil.Web.Api.Discovery;

/// <summary>A page of scans, newest first; pass <see cref="Next"/> as <c>before</c> for the next page.</summary>
internal sealed record ScanPage(IReadOnlyList<ScanAnswer> Scans, long? Next);
