using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Vigil.Storage;
using Vigil.Storage.Audit;

namespace Vigil.Bench.Web;

/// <summary>
/// An audit log over the benchmark's 30 days. Appends through <see cref="IAuditLog"/> commit one entry each with
/// synchronous=FULL (about 200 a second on a busy machine), so all but the last 100 entries are written in one
/// transaction with the chain's own hash (<see cref="AuditChain.Hash"/>); the last ones go through the log, and the
/// whole chain is verified once, so the seeded log is exactly what the app would have written.
/// </summary>
internal static class AuditSeeder
{
    private const int Appended = 100;
    private static readonly string[] People = ["ada", "ana", "dpo", "vic", "bob", "carol"];

    /// <summary>Seeds <paramref name="entries"/> entries; returns how long one walk of the whole chain took.</summary>
    public static async Task<TimeSpan> SeedAsync(IVigilStore store, SeedClock clock, string databasePath, DateTimeOffset now, int entries, long scanId)
    {
        var start = now.AddDays(-Seeder.Days);
        var step = TimeSpan.FromDays(Seeder.Days) / Math.Max(entries, 1);
        var bulk = Math.Max(entries - Appended, 0);
        await using (var db = new SqliteConnection($"Data Source={databasePath};Pooling=False"))
        {
            await db.OpenAsync();
            await using var tx = (SqliteTransaction)await db.BeginTransactionAsync();
            await using var insert = db.CreateCommand();
            insert.CommandText = "INSERT INTO audit (id, at, actor, action, target, ip, detail, prev_hash, hash) VALUES ($id, $at, $actor, $action, $target, $ip, $detail, $prev, $hash)";
            var parameters = new[] { "$id", "$at", "$actor", "$action", "$target", "$ip", "$detail", "$prev", "$hash" }.Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
            var previous = AuditChain.Genesis.ToArray();
            for (var i = 0; i < bulk; i++)
            {
                var e = Entry(i, scanId);
                var at = ((start + (step * i)).UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
                var hash = AuditChain.Hash(i + 1, at, e.Actor, e.Action, e.Target, e.Ip, e.Detail, previous);
                object?[] values = [i + 1L, at, e.Actor, e.Action, e.Target, e.Ip, e.Detail, previous, hash];
                for (var p = 0; p < values.Length; p++)
                {
                    parameters[p].Value = values[p] ?? DBNull.Value;
                }

                await insert.ExecuteNonQueryAsync();
                previous = hash;
            }

            await using var head = db.CreateCommand();
            head.CommandText = "UPDATE audit_head SET last_id = $id, last_hash = $hash WHERE singleton = 1";
            head.Parameters.AddWithValue("$id", (long)bulk);
            head.Parameters.AddWithValue("$hash", previous);
            await head.ExecuteNonQueryAsync();
            await tx.CommitAsync();
        }

        for (var i = bulk; i < entries; i++)
        {
            clock.Now = start + (step * i);
            await store.Audit.AppendAsync(Entry(i, scanId), CancellationToken.None);
        }

        clock.Now = null;
        var walk = Stopwatch.StartNew();
        var verification = await store.Audit.VerifyAsync(CancellationToken.None);
        if (!verification.Intact || verification.Checked != entries)
        {
            throw new InvalidOperationException($"the seeded audit chain does not verify: {verification.Reason} at {verification.BrokenAt}");
        }

        return walk.Elapsed;
    }

    private static AuditEntry Entry(int i, long scanId)
    {
        var who = People[i % People.Length];
        var ip = string.Create(CultureInfo.InvariantCulture, $"192.0.2.{i % 200}");
        return (i % 100) switch
        {
            0 => new AuditEntry("user:dpo", AuditActions.PhiRevealed, string.Create(CultureInfo.InvariantCulture, $"phi-scan:{scanId}/item:{1 + (i % 500)}"), ip, "UK_NHS"),
            < 10 => new AuditEntry(who, AuditActions.SignInFailed, null, ip, "wrong password"),
            < 30 => new AuditEntry("user:" + who, "alert-changed", string.Create(CultureInfo.InvariantCulture, $"alert:{1 + (i % 9000)}"), ip, "acknowledged"),
            99 => new AuditEntry("user:ada", AuditActions.SettingsChanged, "channels", ip, "test sent"),
            _ => new AuditEntry("user:" + who, AuditActions.SignIn, null, ip, null),
        };
    }
}
