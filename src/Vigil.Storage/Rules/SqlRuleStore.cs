using System.Data.Common;
using Vigil.Storage.Sql;

namespace Vigil.Storage.Rules;

/// <summary>Rule states and uploaded rules on either database.</summary>
internal sealed class SqlRuleStore(Database db) : IRuleStore
{
    private const int MaxIds = 500;

    public Task<IReadOnlyList<RuleState>> StatesAsync(CancellationToken cancellationToken)
        => QueryAsync(
            "SELECT rule_id, enabled, changed_by, changed_at, reason FROM rule_states ORDER BY rule_id",
            static _ => { },
            static r => new RuleState(r.GetString(0), r.GetInt64(1) != 0, r.GetString(2), Db.Time(r.GetInt64(3)), r.IsDBNull(4) ? null : r.GetString(4)),
            cancellationToken);

    public async Task SetStateAsync(RuleState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        await using var scope = await db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        await UpsertStateAsync(scope, state, cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync().ConfigureAwait(false);
    }

    public Task<IReadOnlyList<CustomRule>> CustomRulesAsync(CancellationToken cancellationToken)
        => QueryAsync(
            "SELECT rule_id, title, yaml, created_by, created_at FROM custom_rules ORDER BY created_at, rule_id",
            static _ => { },
            static r => new CustomRule(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Db.Time(r.GetInt64(4))),
            cancellationToken);

    public async Task<bool> AddCustomAsync(CustomRule rule, RuleState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(state);
        await using var scope = await db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        using (var insert = scope.Command(
            "INSERT INTO custom_rules (rule_id, title, yaml, created_by, created_at) VALUES (@id, @t, @y, @b, @at) ON CONFLICT (rule_id) DO NOTHING"))
        {
            insert.With("@id", Db.Text(rule.RuleId)).With("@t", Db.Text(rule.Title)).With("@y", Db.Text(rule.Yaml))
                .With("@b", Db.Text(rule.CreatedBy)).With("@at", Db.Micros(rule.CreatedAt));
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                return false;
            }
        }

        await UpsertStateAsync(scope, state with { RuleId = rule.RuleId }, cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync().ConfigureAwait(false);
        return true;
    }

    public async Task<bool> DeleteCustomAsync(string ruleId, CancellationToken cancellationToken)
    {
        await using var scope = await db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        int deleted;
        using (var delete = scope.Command("DELETE FROM custom_rules WHERE rule_id = @id"))
        {
            deleted = await delete.With("@id", ruleId).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (deleted == 0)
        {
            return false;
        }

        using (var state = scope.Command("DELETE FROM rule_states WHERE rule_id = @id"))
        {
            await state.With("@id", ruleId).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await scope.CommitAsync().ConfigureAwait(false);
        return true;
    }

    public async Task<IReadOnlyDictionary<string, RuleAlertStats>> AlertStatsAsync(IReadOnlyCollection<string> ruleIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ruleIds);
        var ids = ruleIds.Distinct(StringComparer.Ordinal).Take(MaxIds).ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<string, RuleAlertStats>(StringComparer.Ordinal);
        }

        // The alerts_open index leads with rule_id: one seek per rule.
        var names = string.Join(", ", ids.Select(static (_, i) => $"@r{i}"));
        var rows = await QueryAsync(
            $"SELECT rule_id, COUNT(*), MAX(last_seen) FROM alerts WHERE rule_id IN ({names}) GROUP BY rule_id",
            c =>
            {
                for (var i = 0; i < ids.Count; i++)
                {
                    c.With($"@r{i}", ids[i]);
                }
            },
            static r => (Id: r.GetString(0), Stats: new RuleAlertStats(r.GetInt64(1), Db.Time(r.GetInt64(2)))),
            cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(static r => r.Id, static r => r.Stats, StringComparer.Ordinal);
    }

    private static async Task UpsertStateAsync(WriteScope scope, RuleState state, CancellationToken cancellationToken)
    {
        using var command = scope.Command(
            "INSERT INTO rule_states (rule_id, enabled, changed_by, changed_at, reason) VALUES (@id, @e, @b, @at, @r) "
            + "ON CONFLICT (rule_id) DO UPDATE SET enabled = excluded.enabled, changed_by = excluded.changed_by, changed_at = excluded.changed_at, reason = excluded.reason");
        command.With("@id", Db.Text(state.RuleId)).With("@e", state.Enabled ? 1L : 0L).With("@b", Db.Text(state.ChangedBy))
            .With("@at", Db.Micros(state.ChangedAt)).With("@r", state.Reason is null ? null : Db.Text(state.Reason));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Action<DbCommand> bind, Func<DbDataReader, T> read, CancellationToken cancellationToken)
        => db.QueryAsync(sql, bind, read, cancellationToken);
}
