using Vigil.Storage.Audit;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Audit;

/// <summary>The hash-chained audit log, run on both databases; tampering goes straight to the table, as an attacker would.</summary>
public abstract class AuditLogTests : StoreTests
{
    [Fact]
    public async Task Entries_chain_and_an_untouched_log_verifies()
    {
        await AppendFiveAsync();

        var verification = await Store.Audit.VerifyAsync(None);
        var listed = await Store.Audit.ListAsync(new AuditQuery(), None);

        Assert.True(verification.Intact, verification.Reason);
        Assert.Equal(5, verification.Checked);
        Assert.Equal([5L, 4, 3, 2, 1], listed.Select(static r => r.Id));
        Assert.Equal(new byte[32], listed[^1].PreviousHash);
        for (var i = 0; i < listed.Count - 1; i++)
        {
            Assert.Equal(listed[i + 1].Hash, listed[i].PreviousHash);
        }

        Assert.Equal(Convert.ToHexStringLower(listed[0].Hash), verification.HeadHash);
        Assert.Equal(Database.Time.GetUtcNow(), listed[0].Time);
        Assert.Equal(("user:ana", "phi-revealed", "finding-3", "10.0.0.3", (string?)null), (listed[0].Actor, listed[0].Action, listed[0].Target, listed[0].Ip, listed[0].Detail));
        Assert.Equal([3L], (await Store.Audit.ListAsync(new AuditQuery(BeforeId: 4, Limit: 1, Action: AuditActions.SignIn), None)).Select(static r => r.Id));
    }

    [Fact]
    public async Task An_empty_log_verifies()
    {
        var verification = await Store.Audit.VerifyAsync(None);

        Assert.True(verification.Intact);
        Assert.Equal(0, verification.Checked);
    }

    [Theory]
    [InlineData("UPDATE audit SET target = 'someone-else' WHERE id = 3", 3L, "changed")]
    [InlineData("UPDATE audit SET at = at + 1 WHERE id = 2", 2L, "changed")]
    [InlineData("DELETE FROM audit WHERE id = 3", 3L, "removed")]
    [InlineData("DELETE FROM audit WHERE id = 5", 5L, "removed from the end")]
    [InlineData("UPDATE audit SET id = -2 WHERE id = 2; UPDATE audit SET id = 2 WHERE id = 4; UPDATE audit SET id = 4 WHERE id = -2", 2L, "reordered")]
    [InlineData("UPDATE audit SET actor = 'user:mallory', hash = prev_hash WHERE id = 4", 4L, "changed")]
    public async Task Verify_finds_the_first_changed_removed_or_reordered_entry(string tamper, long brokenAt, string reason)
    {
        await AppendFiveAsync();

        foreach (var statement in tamper.Split(';'))
        {
            await Database.ScalarAsync(statement);
        }

        var verification = await Store.Audit.VerifyAsync(None);

        Assert.False(verification.Intact);
        Assert.Equal(brokenAt, verification.BrokenAt);
        Assert.Contains(reason, verification.Reason, StringComparison.Ordinal);
        Assert.Equal(brokenAt - 1, verification.Checked);
    }

    [Fact]
    public async Task Verifying_from_a_checkpoint_walks_only_the_entries_after_it()
    {
        await AppendFiveAsync();
        var whole = await Store.Audit.VerifyAsync(None);
        await Store.Audit.AppendAsync(new AuditEntry("user:ana", AuditActions.SignOut), None);

        var next = await Store.Audit.VerifyAsync(whole.Checkpoint, None);

        Assert.True(next.Intact, next.Reason);
        Assert.Equal(6, next.Checked);
        Assert.Equal((await Store.Audit.VerifyAsync(None)).HeadHash, next.HeadHash);
        Assert.Equal(new AuditCheckpoint(6, next.HeadHash), next.Checkpoint);
        Assert.True((await Store.Audit.VerifyAsync(next.Checkpoint, None)).Intact);

        // An entry before the checkpoint changed since: only the whole walk sees it.
        await Database.ScalarAsync("UPDATE audit SET detail = 'rewritten' WHERE id = 2");
        Assert.True((await Store.Audit.VerifyAsync(next.Checkpoint, None)).Intact);
        Assert.Equal(2, (await Store.Audit.VerifyAsync(None)).BrokenAt);
    }

    [Theory]
    [InlineData("UPDATE audit SET hash = prev_hash WHERE id = 5", 5L, "changed since it was verified")]
    [InlineData("DELETE FROM audit WHERE id = 5", 5L, "missing (removed)")]
    [InlineData("DELETE FROM audit WHERE id >= 4; UPDATE audit_head SET last_id = 3, last_hash = (SELECT hash FROM audit WHERE id = 3)", 4L, "removed from the end")]
    [InlineData("UPDATE audit SET actor = 'user:mallory' WHERE id = 6", 6L, "changed")]
    [InlineData("DELETE FROM audit WHERE id = 6", 6L, "removed from the end")]
    [InlineData("UPDATE audit_head SET last_id = 5, last_hash = (SELECT hash FROM audit WHERE id = 5)", 6L, "added outside Vigil")]
    public async Task Verifying_from_a_checkpoint_finds_the_checkpoint_entry_or_a_new_one_tampered(string tamper, long brokenAt, string reason)
    {
        await AppendFiveAsync();
        var checkpoint = (await Store.Audit.VerifyAsync(None)).Checkpoint;
        await Store.Audit.AppendAsync(new AuditEntry("user:ana", AuditActions.SignOut), None);
        foreach (var statement in tamper.Split(';'))
        {
            await Database.ScalarAsync(statement);
        }

        var verification = await Store.Audit.VerifyAsync(checkpoint, None);

        Assert.False(verification.Intact);
        Assert.Equal(brokenAt, verification.BrokenAt);
        Assert.Contains(reason, verification.Reason, StringComparison.Ordinal);
        Assert.Null(verification.Checkpoint);
    }

    [Fact]
    public async Task Appends_from_many_tasks_form_one_unbroken_chain()
    {
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Store.Audit.AppendAsync(new AuditEntry($"user:u{i}", AuditActions.SignIn), None)));

        var verification = await Store.Audit.VerifyAsync(None);

        Assert.True(verification.Intact, verification.Reason);
        Assert.Equal(40, verification.Checked);
    }

    private async Task AppendFiveAsync()
    {
        for (var i = 1; i <= 5; i++)
        {
            Database.Time.Advance(TimeSpan.FromSeconds(1));
            var action = i == 5 ? AuditActions.PhiRevealed : AuditActions.SignIn;
            await Store.Audit.AppendAsync(new AuditEntry("user:ana", action, $"finding-{i - 2}", $"10.0.0.{i - 2}", i == 1 ? "first" : null), None);
        }
    }
}
