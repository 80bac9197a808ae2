using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Users;

/// <summary>Users, sessions and set-up tokens, run on both databases by the derived classes.</summary>
public abstract class UserStoreTests : StoreTests
{
    private static readonly DateTimeOffset Now = Sample.Epoch;

    [Fact]
    public async Task Names_are_unique_ignoring_case_and_invalid_names_are_refused()
    {
        var ana = await Store.Users.CreateAsync("Ana.B", "analyst", "$hash", Now, None);

        Assert.NotNull(ana);
        Assert.Null(await Store.Users.CreateAsync("ana.b", "viewer", "$hash", Now, None));
        Assert.Equal(ana.Id, (await Store.Users.FindAsync("ANA.B", None))?.Id);
        Assert.Null(await Store.Users.FindAsync("ana b", None));
        foreach (var bad in new[] { "", "has space", new string('a', 65), "semi;colon" })
        {
            await Assert.ThrowsAsync<ArgumentException>(() => Store.Users.CreateAsync(bad, "viewer", "$hash", Now, None));
        }
    }

    [Fact]
    public async Task Failures_lock_at_the_threshold_and_a_success_clears_them()
    {
        var user = (await Store.Users.CreateAsync("bo", "viewer", "$hash", Now, None))!;

        Assert.Equal(new(1, null), await Store.Users.RecordFailedSignInAsync(user.Id, Now, 3, TimeSpan.FromMinutes(15), None));
        Assert.Equal(new(2, null), await Store.Users.RecordFailedSignInAsync(user.Id, Now, 3, TimeSpan.FromMinutes(15), None));
        var third = await Store.Users.RecordFailedSignInAsync(user.Id, Now, 3, TimeSpan.FromMinutes(15), None);

        Assert.Equal(Now.AddMinutes(15), third.LockedUntil);
        Assert.Equal(Now.AddMinutes(15), (await Store.Users.GetAsync(user.Id, None))!.LockedUntil);
        await Store.Users.ClearFailedSignInsAsync(user.Id, None);
        var cleared = (await Store.Users.GetAsync(user.Id, None))!;
        Assert.Equal((0, (DateTimeOffset?)null), (cleared.FailedSignIns, cleared.LockedUntil));
    }

    [Fact]
    public async Task A_totp_step_is_accepted_once_and_never_an_earlier_one()
    {
        var user = (await Store.Users.CreateAsync("cy", "admin", "$hash", Now, None))!;
        await Store.Users.SetTotpAsync(user.Id, [1, 2, 3], enrolled: true, None);

        Assert.True(await Store.Users.TryUseTotpStepAsync(user.Id, 1000, None));
        Assert.False(await Store.Users.TryUseTotpStepAsync(user.Id, 1000, None));
        Assert.False(await Store.Users.TryUseTotpStepAsync(user.Id, 999, None));
        Assert.True(await Store.Users.TryUseTotpStepAsync(user.Id, 1001, None));
        var stored = (await Store.Users.GetAsync(user.Id, None))!;
        Assert.Equal([1, 2, 3], stored.TotpSecret);
        Assert.True(stored.TotpEnrolled);

        await Store.Users.SetTotpAsync(user.Id, null, enrolled: true, None);
        stored = (await Store.Users.GetAsync(user.Id, None))!;
        Assert.Equal((null, false), (stored.TotpSecret, stored.TotpEnrolled));
    }

    [Fact]
    public async Task Sessions_are_revoked_one_by_one_all_at_once_and_by_role_changes()
    {
        var user = (await Store.Users.CreateAsync("di", "analyst", "$hash", Now, None))!;
        var first = await Store.Users.CreateSessionAsync(user.Id, Now, None);
        var second = await Store.Users.CreateSessionAsync(user.Id, Now, None);

        await Store.Users.TouchSessionAsync(first, Now.AddMinutes(5), None);
        Assert.Equal(new(user.Id, Now, Now.AddMinutes(5), null), await Store.Users.GetSessionAsync(first, None));
        Assert.True(await Store.Users.RevokeSessionAsync(first, Now.AddMinutes(6), None));
        Assert.False(await Store.Users.RevokeSessionAsync(first, Now.AddMinutes(7), None));
        Assert.Equal(1, await Store.Users.RevokeSessionsAsync(user.Id, Now.AddMinutes(8), None));

        var third = await Store.Users.CreateSessionAsync(user.Id, Now, None);
        Assert.True(await Store.Users.SetRoleAsync(user.Id, "viewer", Now.AddMinutes(9), None));
        Assert.NotNull((await Store.Users.GetSessionAsync(third, None))!.RevokedAt);
        Assert.Equal("viewer", (await Store.Users.GetAsync(user.Id, None))!.Role);
        Assert.NotNull((await Store.Users.GetSessionAsync(second, None))!.RevokedAt);
        Assert.Null(await Store.Users.GetSessionAsync("no-such-session", None));
        Assert.Equal(0L, Convert.ToInt64(await Database.ScalarAsync($"SELECT COUNT(*) FROM sessions WHERE CAST(id_hash AS TEXT) LIKE '%{third[..8]}%'"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Disabling_revokes_sessions_and_hides_the_account_from_the_admin_check()
    {
        var user = (await Store.Users.CreateAsync("ed", "admin", "$hash", Now, None))!;
        var session = await Store.Users.CreateSessionAsync(user.Id, Now, None);
        Assert.True(await Store.Users.AnyEnabledWithRoleAsync("admin", None));

        Assert.True(await Store.Users.SetDisabledAsync(user.Id, true, Now, None));

        Assert.False(await Store.Users.AnyEnabledWithRoleAsync("admin", None));
        Assert.NotNull((await Store.Users.GetSessionAsync(session, None))!.RevokedAt);
        Assert.True((await Store.Users.GetAsync(user.Id, None))!.Disabled);
        Assert.True(await Store.Users.SetDisabledAsync(user.Id, false, Now, None));
        Assert.False((await Store.Users.GetAsync(user.Id, None))!.Disabled);
        Assert.False(await Store.Users.SetDisabledAsync(9999, true, Now, None));
    }

    [Fact]
    public async Task A_setup_token_works_once_and_not_after_it_expires()
    {
        var token = await Store.Users.CreateSetupTokenAsync(Now, TimeSpan.FromHours(24), None);
        var late = await Store.Users.CreateSetupTokenAsync(Now, TimeSpan.FromHours(24), None);

        Assert.True(await Store.Users.IsSetupTokenValidAsync(token, Now.AddHours(1), None));
        Assert.True(await Store.Users.RedeemSetupTokenAsync(token, Now.AddHours(1), None));
        Assert.False(await Store.Users.RedeemSetupTokenAsync(token, Now.AddHours(2), None));
        Assert.False(await Store.Users.IsSetupTokenValidAsync(token, Now.AddHours(2), None));
        Assert.False(await Store.Users.RedeemSetupTokenAsync(late, Now.AddHours(25), None));
        Assert.False(await Store.Users.RedeemSetupTokenAsync("guess", Now, None));
    }
}
