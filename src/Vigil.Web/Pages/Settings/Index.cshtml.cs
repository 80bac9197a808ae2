using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;
using Vigil.Storage;
using Vigil.Storage.Alerts;
using Vigil.Storage.Audit;
using Vigil.Storage.Tokens;
using Vigil.Storage.Users;
using Vigil.Web.Access;
using Vigil.Web.Api;
using Vigil.Web.Auth;

namespace Vigil.Web.Pages.Settings;

/// <summary>Listeners and their counters, ingest tokens (create, revoke), alert channels with a test button.</summary>
[Authorize(Policy = Policies.Administer)]
internal sealed partial class IndexModel(IVigilStore store, TimeProvider time, ILogger<IndexModel> logger, ServeStatus? status = null) : PageModel
{
    public ServeStatus? Status => status;

    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    /// <summary>A token just created: its secret is shown on this one answer and never again.</summary>
    public string? NewSecret { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public IReadOnlyList<UserAccount> Users { get; private set; } = [];

    public DateTimeOffset Now => time.GetUtcNow();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tokens = await store.Tokens.ListAsync(ct).ConfigureAwait(false);
        Users = await store.Users.ListAsync(ct).ConfigureAwait(false);
    }

    public async Task<IActionResult> OnPostCreateTokenAsync(string? name, string[]? scopes, CancellationToken ct)
    {
        if (TokensApi.Check(name, scopes) is { } error)
        {
            Error = error;
        }
        else
        {
            var (token, secret) = await store.Tokens.CreateAsync(name!.Trim(), [.. scopes!.Distinct(StringComparer.Ordinal)], time.GetUtcNow(), ct).ConfigureAwait(false);
            await HttpContext.AuditAsync(AuditActions.TokenCreated, token.Id, string.Join(' ', token.Scopes)).ConfigureAwait(false);
            NewSecret = secret;
            Message = $"Token {token.Id} created. Copy it now: it is not shown again.";
        }

        await OnGetAsync(ct).ConfigureAwait(false);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeTokenAsync(string id, CancellationToken ct)
    {
        if (await store.Tokens.RevokeAsync(id, time.GetUtcNow(), ct).ConfigureAwait(false))
        {
            await HttpContext.AuditAsync(AuditActions.TokenRevoked, id).ConfigureAwait(false);
            Message = $"Token {id} revoked.";
        }
        else
        {
            Message = $"No live token {id}.";
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostTestChannelAsync(string name, CancellationToken ct)
    {
        var channel = status?.Channels.FirstOrDefault(c => c.Name == name);
        if (channel is null)
        {
            Message = $"No channel {name}.";
            return RedirectToPage();
        }

        var now = time.GetUtcNow();
        var test = new Alert(0, "vigil-test", "Vigil test notification", "informational", "", now, now, 1, [], AlertStatuses.Open, now, "{\"description\":\"A test sent from the Settings page.\"}");
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            await channel.SendAsync(test, timeout.Token).ConfigureAwait(false);
            Message = $"Test sent through {name}.";
        }
#pragma warning disable CA1031 // Any failure of a channel is the answer to show, not a crash.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogTestFailed(logger, name, e.GetType().Name);
            Message = $"The test through {name} failed: {e.Message}";
        }

        return RedirectToPage();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Test notification through channel {Channel} failed ({Error})")]
    private static partial void LogTestFailed(ILogger logger, string channel, string error);
}
