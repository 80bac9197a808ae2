using System.Net;
using Vigil.Storage.Audit;
using Vigil.Web.Access;
using Vigil.Web.Auth;

namespace Vigil.Web.Tests.Access;

public sealed class SignInTests
{
    [Fact]
    public async Task A_password_sign_in_sets_a_strict_http_only_cookie_and_opens_the_roles_pages()
    {
        await using var host = await AccessHost.StartAsync();
        await host.AddUserAsync("ana", Roles.Analyst);
        using var client = host.Client();

        using var signIn = await AccessHost.SignInAsync(client, "ana");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), static c => c.StartsWith("vigil_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/probe/{Policies.Analyse}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/probe/{Policies.Administer}")).StatusCode);
        var audit = await host.Store.Audit.ListAsync(new AuditQuery(), CancellationToken.None);
        Assert.Contains(audit, static a => a is { Action: AuditActions.SignIn, Actor: "user:ana", Ip: "127.0.0.1" });
    }

    [Fact]
    public async Task Wrong_passwords_and_unknown_names_fail_alike_and_the_typed_name_is_not_audited_for_unknown_accounts()
    {
        await using var host = await AccessHost.StartAsync();
        await host.AddUserAsync("ana", Roles.Analyst);
        using var client = host.Client();

        using var wrong = await AccessHost.SignInAsync(client, "ana", "not the password");
        using var unknown = await AccessHost.SignInAsync(client, "my-secret-password", "whatever it is");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Contains("the name, password or code is wrong", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var audit = await host.Store.Audit.ListAsync(new AuditQuery(Action: AuditActions.SignInFailed), CancellationToken.None);
        Assert.Equal([("unknown", null, "unknown account"), ("user:ana", "ana", "password")], audit.Select(static a => (a.Actor, a.Target, a.Detail)));
        Assert.DoesNotContain(await host.Store.Audit.ListAsync(new AuditQuery(), CancellationToken.None), static a => (a.Actor + a.Target + a.Detail).Contains("secret", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/probe/{Policies.Read}")).StatusCode);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_for_the_right_password_until_the_lockout_ends()
    {
        await using var host = await AccessHost.StartAsync(static o =>
        {
            o.Access.LockoutThreshold = 3;
            o.Access.LockoutDuration = TimeSpan.FromMinutes(15);
            o.Access.SignInPerAccountPerMinute = 100;
        });
        await host.AddUserAsync("bo", Roles.Viewer);
        using var client = host.Client();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await AccessHost.SignInAsync(client, "bo", "wrong password")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await AccessHost.SignInAsync(client, "bo")).StatusCode);
        host.Time.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Redirect, (await AccessHost.SignInAsync(client, "bo")).StatusCode);

        var audit = await host.Store.Audit.ListAsync(new AuditQuery(), CancellationToken.None);
        Assert.Equal(
            [AuditActions.SignIn, AuditActions.SignInFailed, AuditActions.Lockout, AuditActions.SignInFailed, AuditActions.SignInFailed, AuditActions.SignInFailed],
            audit.Select(static a => a.Action));
        Assert.Equal("locked", audit[1].Detail);
        Assert.Equal("bo", audit[2].Target);
    }

    [Fact]
    public async Task An_enrolled_user_needs_the_current_code_and_a_code_is_never_accepted_twice()
    {
        await using var host = await AccessHost.StartAsync(static o => o.Access.SignInPerAccountPerMinute = 100);
        var secret = TotpCodes.NewSecret();
        await host.AddUserAsync("dpo", Roles.PrivacyOfficer, secret);
        var code = TotpCodes.Compute(secret, host.Time.GetUtcNow());
        using var first = host.Client();
        using var second = host.Client();

        Assert.Equal(HttpStatusCode.Unauthorized, (await AccessHost.SignInAsync(first, "dpo")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AccessHost.SignInAsync(first, "dpo", code: "000000" == code ? "111111" : "000000")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AccessHost.SignInAsync(first, "dpo", code: code)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AccessHost.SignInAsync(second, "dpo", code: code)).StatusCode);
        host.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Redirect, (await AccessHost.SignInAsync(second, "dpo", code: TotpCodes.Compute(secret, host.Time.GetUtcNow()))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync($"/probe/{Policies.RevealPhi}")).StatusCode);
        var failures = await host.Store.Audit.ListAsync(new AuditQuery(Action: AuditActions.SignInFailed), CancellationToken.None);
        Assert.Equal(["totp code reused", "totp code", "totp code"], failures.Select(static a => a.Detail));
    }

    [Fact]
    public async Task After_sign_in_only_a_local_return_url_is_followed()
    {
        await using var host = await AccessHost.StartAsync();
        await host.AddUserAsync("ana", Roles.Analyst);
        using var client = host.Client();

        using var local = await AccessHost.PostFormAsync(client, "/signin", "/signin", ("Name", "ana"), ("Password", AccessHost.Password), ("ReturnUrl", "/probe/read"));
        using var other = await AccessHost.PostFormAsync(host.Client(), "/signin", "/signin", ("Name", "ana"), ("Password", AccessHost.Password), ("ReturnUrl", "https://evil.example/"));

        Assert.Equal("/probe/read", local.Headers.Location?.OriginalString);
        Assert.Equal("/", other.Headers.Location?.OriginalString);
    }
}
