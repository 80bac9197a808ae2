using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Vigil.Storage.Audit;
using Vigil.Web.Access;
using Vigil.Web.Auth;
using Vigil.Web.Tests.Access;

namespace Vigil.Web.Tests.Users;

/// <summary>Settings → Users and <c>/api/v1/users</c>: adding with a set-up link, every change audited, the last admin kept.</summary>
public sealed partial class UserAdministrationTests : IAsyncLifetime
{
    private AccessHost _host = null!;
    private HttpClient _admin = null!;
    private byte[] _adminSecret = null!;

    public async Task InitializeAsync()
    {
        _host = await AccessHost.StartAsync(static o => o.Access.SignInPerAccountPerMinute = 100);
        _adminSecret = TotpCodes.NewSecret();
        await _host.AddUserAsync("ada", Roles.Admin, _adminSecret);
        _admin = await SignedInAsync("ada", _adminSecret);
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task An_admin_adds_a_user_whose_one_time_link_sets_their_password_and_the_link_then_dies()
    {
        using var answer = await AccessHost.PostFormAsync(_admin, "/settings/users", "/settings/users?handler=Add", ("name", "nurse.jo"), ("role", Roles.Viewer));
        var html = await answer.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var link = SetupLink().Match(html);
        Assert.True(link.Success, "the set-up link is shown");
        var path = new Uri(link.Groups[1].Value).AbsolutePath;

        using var anonymous = _host.Client();
        Assert.Contains("Set the password of <strong>nurse.jo</strong>", await anonymous.GetStringAsync(path), StringComparison.Ordinal);
        using (var early = _host.Client())
        {
            Assert.NotEqual(HttpStatusCode.Redirect, (await SignInAsync(early, "nurse.jo")).StatusCode);
        }

        using var set = await AccessHost.PostFormAsync(anonymous, path, path, ("Name", "ignored"), ("Password", AccessHost.Password), ("Confirm", AccessHost.Password));
        Assert.Equal("/signin", set.Headers.Location?.OriginalString);
        Assert.Contains("not valid", await anonymous.GetStringAsync(path), StringComparison.Ordinal);

        using var jo = _host.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(jo, "nurse.jo")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await jo.GetAsync("/")).StatusCode);
        var audit = await AuditAsync();
        Assert.Contains(audit, static a => a is { Action: AuditActions.UserAdded, Actor: "user:ada", Target: "nurse.jo", Detail: "role viewer" });
        Assert.Contains(audit, static a => a is { Action: AuditActions.SetupLinkIssued, Actor: "user:ada", Target: "nurse.jo" });
        Assert.Contains(audit, static a => a is { Action: AuditActions.PasswordChanged, Actor: "setup-link", Target: "nurse.jo" });
        Assert.DoesNotContain(audit, a => a.Detail?.Contains(path.Split('/')[^1], StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Each_change_through_the_api_is_made_audited_and_ends_sessions_where_it_should()
    {
        var secret = TotpCodes.NewSecret();
        var bob = await _host.AddUserAsync("bob", Roles.Analyst, secret);
        using var bobClient = await SignedInAsync("bob", secret);
        await _host.Store.Users.RecordFailedSignInAsync(bob.Id, _host.Time.GetUtcNow(), 1, TimeSpan.FromHours(1), CancellationToken.None);
        var (_, token) = await _host.Store.Tokens.CreateAsync("ops", [Scopes.Admin], _host.Time.GetUtcNow(), CancellationToken.None);
        using var api = _host.Client();
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/users");
        Assert.Equal("locked", list.EnumerateArray().Single(static u => u.GetProperty("name").GetString() == "bob").GetProperty("status").GetString());
        Assert.DoesNotContain("argon2", list.GetRawText(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/users/{bob.Id}/unlock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/users/{bob.Id}/sign-out-everywhere", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await bobClient.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/users/{bob.Id}/set-role", new { role = Roles.Viewer })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/users/{bob.Id}/reset-totp", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PatchAsJsonAsync($"/api/v1/users/{bob.Id}", new { disabled = true })).StatusCode);
        var changed = await _host.Store.Users.GetAsync(bob.Id, CancellationToken.None);
        Assert.Equal((Roles.Viewer, false, true, null), (changed!.Role, changed.TotpEnrolled, changed.Disabled, changed.LockedUntil));
        Assert.Equal(HttpStatusCode.OK, (await api.PatchAsJsonAsync($"/api/v1/users/{bob.Id}", new { disabled = false })).StatusCode);
        var link = await (await api.PostAsync($"/api/v1/users/{bob.Id}/setup-link", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("/setup/", link.GetProperty("setupLink").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync($"/api/v1/users/{bob.Id}/set-role", new { role = "root" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsync($"/api/v1/users/{bob.Id}/delete", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync("/api/v1/users/999/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync("/api/v1/users", new { name = "BOB", role = Roles.Viewer })).StatusCode);
        var actions = (await AuditAsync()).Where(static a => a.Target == "bob").Select(static a => a.Action).ToList();
        Assert.Equal(
            [AuditActions.Unlocked, AuditActions.SignOutEverywhere, AuditActions.UserRoleChanged, AuditActions.TotpReset, AuditActions.UserDisabled, AuditActions.UserEnabled, AuditActions.SetupLinkIssued],
            actions.Where(a => a != AuditActions.SignIn));
    }

    [Fact]
    public async Task The_last_active_admin_can_be_neither_disabled_nor_demoted_until_another_admin_exists()
    {
        var ada = await _host.Store.Users.FindAsync("ada", CancellationToken.None);
        foreach (var (action, role) in new[] { ("disable", ""), ("set-role", Roles.Analyst) })
        {
            using var refused = await AccessHost.PostFormAsync(_admin, "/settings/users", "/settings/users?handler=Change", ("id", $"{ada!.Id}"), ("action", action), ("role", role));
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("last active administrator", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal((Roles.Admin, false), ((await _host.Store.Users.GetAsync(ada!.Id, CancellationToken.None))!.Role, (await _host.Store.Users.GetAsync(ada.Id, CancellationToken.None))!.Disabled));
        await _host.AddUserAsync("grace", Roles.Admin, TotpCodes.NewSecret());
        using var done = await AccessHost.PostFormAsync(_admin, "/settings/users", "/settings/users?handler=Change", ("id", $"{ada.Id}"), ("action", "set-role"), ("role", Roles.Analyst));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(Roles.Analyst, (await _host.Store.Users.GetAsync(ada.Id, CancellationToken.None))!.Role);
        Assert.Equal(HttpStatusCode.Redirect, (await _admin.GetAsync("/settings/users")).StatusCode);
    }

    [Fact]
    public async Task A_change_without_the_antiforgery_token_is_refused()
    {
        var bob = await _host.AddUserAsync("bob", Roles.Analyst);
        await _admin.GetStringAsync("/settings/users");
        using var forged = await _admin.PostAsync("/settings/users?handler=Change", new FormUrlEncodedContent([new("id", $"{bob.Id}"), new("action", "disable")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False((await _host.Store.Users.GetAsync(bob.Id, CancellationToken.None))!.Disabled);
    }

    [Theory]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.PrivacyOfficer)]
    [InlineData(Roles.Viewer)]
    public async Task People_who_are_not_admins_reach_neither_the_page_nor_the_api(string role)
    {
        var secret = TotpCodes.NewSecret();
        await _host.AddUserAsync("someone", role, secret);
        using var client = await SignedInAsync("someone", secret);
        using var page = await client.GetAsync("/settings/users");
        Assert.Equal("/denied", page.Headers.Location?.AbsolutePath ?? page.Headers.Location?.OriginalString.Split('?')[0]);
        var token = await AccessHost.FormTokenAsync(client, "/");
        using var post = await client.PostAsync("/settings/users?handler=Add", new FormUrlEncodedContent([new("name", "mallory"), new("role", Roles.Admin), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/users", new { name = "mallory", role = Roles.Admin })).StatusCode);
        Assert.Null(await _host.Store.Users.FindAsync("mallory", CancellationToken.None));
    }

    private async Task<HttpClient> SignedInAsync(string name, byte[] secret)
    {
        var client = _host.Client();
        _host.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Redirect, (await AccessHost.SignInAsync(client, name, code: TotpCodes.Compute(secret, _host.Time.GetUtcNow()))).StatusCode);
        return client;
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string name) => AccessHost.SignInAsync(client, name);

    private async Task<IReadOnlyList<AuditRecord>> AuditAsync()
        => [.. (await _host.Store.Audit.ListAsync(new AuditQuery(Limit: 500), CancellationToken.None)).Reverse()];

    [GeneratedRegex("<code id=\"setup-link\">([^<]+)</code>")]
    private static partial Regex SetupLink();
}
