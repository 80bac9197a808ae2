using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vigil.Storage.Audit;
using Vigil.Web.Access;
using Vigil.Web.Auth;
using Vigil.Web.Tests.Access;

namespace Vigil.Web.Tests.Audit;

/// <summary>Incremental chain verification: loads walk only new entries, a full walk still finds older tampering, and a break stays shown.</summary>
public sealed class AuditChainTests : IAsyncLifetime
{
    private AccessHost _host = null!;
    private HttpClient _ada = null!;

    public async Task InitializeAsync()
    {
        _host = await AccessHost.StartAsync();
        var secret = TotpCodes.NewSecret();
        await _host.AddUserAsync("ada", Roles.Admin, secret);
        _ada = _host.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await AccessHost.SignInAsync(_ada, "ada", code: TotpCodes.Compute(secret, _host.Time.GetUtcNow()))).StatusCode);
    }

    public async Task DisposeAsync()
    {
        _ada.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task The_first_check_walks_the_whole_chain_and_later_ones_only_the_new_entries()
    {
        var first = await VerifyAsync("");
        Assert.Equal((true, true, 1L, 1L), (first.Intact, first.Full, first.Checked, first.Walked));

        await AppendAsync(3);
        _host.Time.Advance(TimeSpan.FromMinutes(5));
        var second = await VerifyAsync("");
        Assert.Equal((true, false, 4L, 3L), (second.Intact, second.Full, second.Checked, second.Walked));
        Assert.Equal(first.CheckedAt, second.FullCheckedAt);
        Assert.Equal(_host.Time.GetUtcNow(), second.CheckedAt);
        Assert.Equal((await _host.Store.Audit.VerifyAsync(CancellationToken.None)).HeadHash, second.HeadHash);

        var unchanged = await VerifyAsync("");
        Assert.Equal((4L, 0L), (unchanged.Checked, unchanged.Walked));

        var html = await _ada.GetStringAsync("/audit");
        Assert.Contains("<strong>Intact</strong>: 4 entries verified", html, StringComparison.Ordinal);
        Assert.Contains("This load verified the 0 entries added since the last verified one", html, StringComparison.Ordinal);
        Assert.Contains("Verify whole chain", html, StringComparison.Ordinal);

        var full = await VerifyAsync("?full=true");
        Assert.Equal((true, true, 4L, 4L), (full.Intact, full.Full, full.Checked, full.Walked));
    }

    [Fact]
    public async Task An_older_entry_changed_after_it_was_verified_is_found_by_the_whole_chain_walk_and_stays_shown()
    {
        await AppendAsync(4);
        Assert.True((await VerifyAsync("")).Full);
        await TamperAsync("UPDATE audit SET detail = 'rewritten' WHERE id = 2");

        // A load walks only what is new: the change to entry 2 is not seen yet (the page says so).
        var incremental = await VerifyAsync("");
        Assert.Equal((true, false), (incremental.Intact, incremental.Full));

        var answer = await AccessHost.PostFormAsync(_ada, "/audit", "/audit?handler=Verify");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var html = await answer.Content.ReadAsStringAsync();
        Assert.Contains("Broken at entry <span id=\"broken-at\">2</span>", html, StringComparison.Ordinal);
        Assert.Contains("by a walk of the whole chain", html, StringComparison.Ordinal);

        await AppendAsync(1);
        var after = await VerifyAsync("");
        Assert.Equal((false, 2L), (after.Intact, after.BrokenAt));
        Assert.Contains("shown until a walk of the whole chain finds it intact", await _ada.GetStringAsync("/audit"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_or_removed_last_verified_entry_is_found_by_the_next_load()
    {
        await AppendAsync(4);
        Assert.Equal(5, (await VerifyAsync("")).Checked);
        await TamperAsync("UPDATE audit SET hash = prev_hash WHERE id = 5");
        var changed = await VerifyAsync("");
        Assert.Equal((false, false, 5L), (changed.Intact, changed.Full, changed.BrokenAt));
        Assert.Contains("changed since it was verified", changed.Reason, StringComparison.Ordinal);

        Assert.False((await VerifyAsync("?full=true")).Intact);
        await TamperAsync("DELETE FROM audit WHERE id >= 4; UPDATE audit_head SET last_id = 3, last_hash = (SELECT hash FROM audit WHERE id = 3)");
        var full = await VerifyAsync("?full=true");
        Assert.True(full.Intact, full.Reason);
        await AppendAsync(1);
        var next = await VerifyAsync("");
        Assert.Equal((true, false, 4L, 1L), (next.Intact, next.Full, next.Checked, next.Walked));
    }

    [Fact]
    public async Task Concurrent_loads_share_one_walk_and_agree()
    {
        await AppendAsync(20);
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => VerifyAsync("")));
        Assert.All(results, static r => Assert.Equal((true, 21L), (r.Intact, r.Checked)));
        Assert.Equal(1, results.Count(static r => r.Full));
        Assert.Equal(21, results.Sum(static r => r.Walked));
    }

    private async Task AppendAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _host.Time.Advance(TimeSpan.FromSeconds(1));
            await _host.Store.Audit.AppendAsync(new AuditEntry("cli:root", AuditActions.SettingsChanged, $"setting-{i}"), CancellationToken.None);
        }
    }

    private async Task TamperAsync(string sql)
    {
        await using var db = new SqliteConnection($"Data Source={Path.Combine(_host.DataDirectory, "vigil.db")};Pooling=False");
        await db.OpenAsync();
        foreach (var statement in sql.Split(';'))
        {
            await using var command = db.CreateCommand();
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync();
        }
    }

    private async Task<Status> VerifyAsync(string query)
    {
        using var doc = JsonDocument.Parse(await _ada.GetStringAsync("/api/v1/audit/verify" + query));
        var r = doc.RootElement;
        return new Status(
            r.GetProperty("intact").GetBoolean(), r.GetProperty("full").GetBoolean(), r.GetProperty("checked").GetInt64(), r.GetProperty("walked").GetInt64(),
            r.GetProperty("brokenAt") is { ValueKind: JsonValueKind.Number } b ? b.GetInt64() : null, r.GetProperty("reason").GetString() ?? "",
            r.GetProperty("headHash").GetString()!, r.GetProperty("checkedAt").GetDateTimeOffset(),
            r.GetProperty("fullCheckedAt") is { ValueKind: JsonValueKind.String } f ? f.GetDateTimeOffset() : null);
    }

    private sealed record Status(bool Intact, bool Full, long Checked, long Walked, long? BrokenAt, string Reason, string HeadHash, DateTimeOffset CheckedAt, DateTimeOffset? FullCheckedAt);
}
