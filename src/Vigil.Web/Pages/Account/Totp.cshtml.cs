using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using Vigil.Storage;
using Vigil.Storage.Audit;
using Vigil.Storage.Users;
using Vigil.Web.Access;
using Vigil.Web.Auth;

namespace Vigil.Web.Pages.Account;

/// <summary>
/// TOTP enrolment: a new secret (encrypted in the database until confirmed), shown as key, <c>otpauth://</c> link and QR
/// code; a correct code enrols it and starts a new session without the enrolment restriction.
/// </summary>
[Authorize(Policy = AccessPolicies.SignedIn)]
internal sealed class TotpModel(IVigilStore store, SignInService signIn, TimeProvider time) : PageModel
{
    /// <summary>The code typed.</summary>
    [BindProperty]
    public string? Code { get; set; }

    public bool Enrolled { get; private set; }

    public bool Required { get; private set; }

    public string? Secret { get; private set; }

    public string? Uri { get; private set; }

    public string? QrCode { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await CurrentUserAsync();
        if (user is null)
        {
            return LocalRedirect("/signin");
        }

        await ShowAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await CurrentUserAsync();
        if (user is null)
        {
            return LocalRedirect("/signin");
        }

        if (user.TotpEnrolled || user.TotpSecret is null || signIn.Secrets.Open(user.TotpSecret, user.Id) is not { } secret)
        {
            await ShowAsync(user);
            return Page();
        }

        var ct = HttpContext.RequestAborted;
        if (TotpCodes.Match(secret, Code, time.GetUtcNow()) is not { } step || !await store.Users.TryUseTotpStepAsync(user.Id, step, ct))
        {
            Message = "That code is not right (or was used already); enter the code the app shows now.";
            await ShowAsync(user);
            return Page();
        }

        await store.Users.SetTotpAsync(user.Id, user.TotpSecret, enrolled: true, ct);
        await HttpContext.AuditAsync(AuditActions.TotpEnrolled, user.Name);
        if (User.FindFirstValue(AccessClaims.Session) is { } session)
        {
            await store.Users.RevokeSessionAsync(session, time.GetUtcNow(), ct);
        }

        await signIn.IssueAsync(HttpContext, user with { TotpEnrolled = true });
        return LocalRedirect("/");
    }

    private async Task<UserAccount?> CurrentUserAsync()
        => long.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var id)
            ? await store.Users.GetAsync(id, HttpContext.RequestAborted)
            : null;

    private async Task ShowAsync(UserAccount user)
    {
        Enrolled = user.TotpEnrolled;
        Required = AccessPolicies.TotpRequired.Contains(user.Role, StringComparer.Ordinal);
        if (Enrolled)
        {
            return;
        }

        var secret = user.TotpSecret is null ? null : signIn.Secrets.Open(user.TotpSecret, user.Id);
        if (secret is null)
        {
            secret = TotpCodes.NewSecret();
            await store.Users.SetTotpAsync(user.Id, signIn.Secrets.Seal(secret, user.Id), enrolled: false, HttpContext.RequestAborted);
        }

        Secret = TotpCodes.Base32(secret);
        Uri = TotpCodes.Uri(secret, user.Name);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Uri, QRCodeGenerator.ECCLevel.M);
        QrCode = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(6));
    }
}
