using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Storage;
using Vigil.Storage.Discovery;
using Vigil.Web.Access;
using Vigil.Web.Auth;

namespace Vigil.Web.Discovery;

/// <summary>
/// A request to see an item's values, for the page and the API alike: refused (403) and audited as
/// <see cref="DiscoveryAudit.RevealDenied"/> unless the user satisfies <see cref="Policies.RevealPhi"/>; otherwise the
/// item is read again from its file and the reveal is audited (who, which scan and item, when; never a value) before
/// any value is returned.
/// </summary>
internal static class RevealRequest
{
    public static async Task<(int Status, PhiItemRecord? Item, RevealOutcome? Outcome)> HandleAsync(HttpContext http, long scanId, long itemSeq, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var target = DiscoveryAudit.ItemTarget(scanId, itemSeq);
        if (!AccessPolicies.Allows(http.User, Policies.RevealPhi))
        {
            await http.AuditAsync(DiscoveryAudit.RevealDenied, target).ConfigureAwait(false);
            return (StatusCodes.Status403Forbidden, null, null);
        }

        var store = http.RequestServices.GetRequiredService<IVigilStore>();
        if (await store.PhiScans.GetItemAsync(scanId, itemSeq, cancellationToken).ConfigureAwait(false) is not { } item)
        {
            return (StatusCodes.Status404NotFound, null, null);
        }

        var stored = await store.PhiScans.FindingsAsync(scanId, itemSeq, cancellationToken).ConfigureAwait(false);
        var outcome = await http.RequestServices.GetRequiredService<DiscoveryScans>().RevealAsync(item, stored, cancellationToken).ConfigureAwait(false);
        var detail = outcome.Error is null ? $"{outcome.Values.Count} values shown" : $"nothing shown: {outcome.Error}";
        await http.AuditAsync(DiscoveryAudit.Revealed, target, detail).ConfigureAwait(false);
        return (StatusCodes.Status200OK, item, outcome);
    }
}
