using System.Text.RegularExpressions;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>API tokens, run on both databases by the derived classes.</summary>
public abstract partial class TokenStoreTests : StoreTests
{
    private static readonly DateTimeOffset Now = Sample.Epoch;

    [Fact]
    public async Task A_created_token_validates_and_only_its_hash_is_stored()
    {
        var (token, secret) = await Store.Tokens.CreateAsync("syslog relay", ["ingest", "read"], Now, None);

        Assert.Matches(TokenShape(), secret);
        Assert.StartsWith($"vgl_{token.Id}_", secret, StringComparison.Ordinal);
        var valid = await Store.Tokens.ValidateAsync(secret, None);
        Assert.NotNull(valid);
        Assert.Equal((token.Id, "syslog relay", Now, (DateTimeOffset?)null), (valid.Id, valid.Name, valid.CreatedAt, valid.RevokedAt));
        Assert.Equal(["ingest", "read"], valid.Scopes);
        var hash = (byte[])(await Database.ScalarAsync($"SELECT hash FROM tokens WHERE id = '{token.Id}'"))!;
        Assert.Equal(32, hash.Length);
        Assert.Equal(0L, Convert.ToInt64(await Database.ScalarAsync($"SELECT COUNT(*) FROM tokens WHERE scopes LIKE '%{secret[^10..]}%' OR name LIKE '%{secret[^10..]}%'"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Wrong_unknown_and_malformed_tokens_do_not_validate()
    {
        var (token, secret) = await Store.Tokens.CreateAsync("t", ["ingest"], Now, None);
        var flipped = secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A');

        string[] wrong = [flipped, $"vgl_zzzzzzzz_{secret[13..]}", "", "vgl_", "Bearer " + secret, secret + "x", $"vgl_{token.Id}", secret.ToUpperInvariant()];

        foreach (var attempt in wrong)
        {
            Assert.Null(await Store.Tokens.ValidateAsync(attempt, None));
        }
    }

    [Fact]
    public async Task A_revoked_token_no_longer_validates_but_is_still_listed()
    {
        var (kept, _) = await Store.Tokens.CreateAsync("kept", ["ingest"], Now, None);
        var (revoked, secret) = await Store.Tokens.CreateAsync("gone", ["ingest"], Now, None);

        Assert.True(await Store.Tokens.RevokeAsync(revoked.Id, Now.AddHours(1), None));
        Assert.False(await Store.Tokens.RevokeAsync(revoked.Id, Now.AddHours(2), None));
        Assert.False(await Store.Tokens.RevokeAsync("nosuchid", Now, None));

        Assert.Null(await Store.Tokens.ValidateAsync(secret, None));
        var listed = await Store.Tokens.ListAsync(None);
        Assert.Equal(2, listed.Count);
        Assert.Null(listed.Single(t => t.Id == kept.Id).RevokedAt);
        Assert.Equal(Now.AddHours(1), listed.Single(t => t.Id == revoked.Id).RevokedAt);
    }

    [GeneratedRegex("^vgl_[a-z2-7]{8}_[A-Za-z0-9_-]{43}$")]
    private static partial Regex TokenShape();
}
