using System.Collections.Immutable;
using System.Text;
using Vigil.Detection.Engine;
using Vigil.Detection.Rules;
using Vigil.Storage;
using Vigil.Storage.Rules;

namespace Vigil.Web.Rules;

/// <summary>Changes: states and uploaded rules, stored first, then applied to live detection.</summary>
internal sealed partial class RuleCatalog
{
    /// <summary>Largest uploaded rule, in UTF-8 bytes.</summary>
    public const int MaxYamlBytes = 64 * 1024;

    /// <summary>The name errors of an uploaded rule carry as their file.</summary>
    public const string UploadName = "uploaded rule";

    private readonly SemaphoreSlim _changes = new(1, 1);

    /// <summary>Reads the stored states and uploaded rules and applies them to live detection (call before detection starts).</summary>
    public async Task InitializeAsync(IVigilStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        await _changes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var states = await store.Rules.StatesAsync(cancellationToken).ConfigureAwait(false);
            var uploaded = new List<UploadedRule>();
            var errors = new List<RuleLoadError>();
            foreach (var stored in await store.Rules.CustomRulesAsync(cancellationToken).ConfigureAwait(false))
            {
                var check = Check(stored.Yaml);
                var clash = _fileById.ContainsKey(stored.RuleId) ? new RuleLoadError(UploadedPack, stored.RuleId, "", "duplicate-id", "a rule from a rules folder has this id; delete the uploaded one") : null;
                errors.AddRange(check.Errors.Select(e => e with { File = stored.RuleId }));
                if (clash is not null)
                {
                    errors.Add(clash);
                }

                var info = check.Info ?? new RuleInfo(stored.RuleId, null, stored.Title, Level.Informational, "", [], "", "", UploadName, Logsource.Any);
                uploaded.Add(new UploadedRule(stored, new RuleEntry(info, UploadedPack, true, check.Ok && clash is null, "rule"), clash is null ? check.Set : null));
            }

            _state = new CatalogState(
                states.ToImmutableDictionary(static s => s.RuleId, StringComparer.Ordinal),
                [.. uploaded],
                [.. errors]);
            Apply();
        }
        finally
        {
            _changes.Release();
        }
    }

    /// <summary>Parses and compiles an uploaded rule with the engine's own parser: one detection rule, at most <see cref="MaxYamlBytes"/>.</summary>
    public RuleCheck Check(string? yaml)
    {
        if (string.IsNullOrWhiteSpace(yaml))
        {
            return Failed("empty", "the rule is empty: paste or upload a Sigma rule");
        }

        if (Encoding.UTF8.GetByteCount(yaml) > MaxYamlBytes)
        {
            return Failed("too-large", $"the rule is larger than {MaxYamlBytes / 1024} KB");
        }

        var problems = new RecordingSink();
        var set = RuleSet.Parse(yaml, UploadName, problems);
        if (problems.Problems.Count == 0 && (set.Count != 1 || set.FilterCount + set.CorrelationCount > 0))
        {
            return Failed("not-one-rule", $"upload one detection rule per file (this holds {set.Count - set.FilterCount - set.CorrelationCount} rules, {set.FilterCount} filters, {set.CorrelationCount} correlations)");
        }

        var engine = problems.Problems.Count == 0 ? new DetectionEngine(set, _engineOptions, problems) : null;
        var errors = problems.Problems.Select(static p => new RuleLoadError(UploadedPack, UploadName, p.Location, p.Kind, p.Reason)).ToList();
        var info = set.Infos.FirstOrDefault();
        return errors.Count > 0 || info is null ? new RuleCheck(null, null, null, errors) : new RuleCheck(set, info, engine, []);
    }

    /// <summary>Enables or disables a rule: stored, then applied to live detection.</summary>
    /// <returns>The rule as it is now, or null when no rule has that id.</returns>
    public async Task<RuleRow?> SetEnabledAsync(IVigilStore store, string id, bool enabled, string actor, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        await _changes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Get(id) is null)
            {
                return null;
            }

            var state = new RuleState(id, enabled, actor, now, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
            await store.Rules.SetStateAsync(state, cancellationToken).ConfigureAwait(false);
            _state = _state with { States = _state.States.SetItem(id, state) };
            Apply();
            return Get(id);
        }
        finally
        {
            _changes.Release();
        }
    }

    /// <summary>Stores an uploaded rule (enabled or not) and applies it to live detection.</summary>
    public async Task<RuleUploadOutcome> UploadAsync(IVigilStore store, string? yaml, bool enable, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var check = Check(yaml);
        if (!check.Ok)
        {
            return new RuleUploadOutcome(null, check.Errors, null);
        }

        var id = check.Info!.Id;
        await _changes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Get(id) is { } existing)
            {
                return new RuleUploadOutcome(null, [], $"id {id} is already taken by a rule in pack {existing.Entry.Pack}");
            }

            var stored = new CustomRule(id, check.Info.Title, yaml!, actor, now);
            var state = new RuleState(id, enable, actor, now, "uploaded");
            if (!await store.Rules.AddCustomAsync(stored, state, cancellationToken).ConfigureAwait(false))
            {
                return new RuleUploadOutcome(null, [], $"id {id} is already stored as an uploaded rule");
            }

            var uploaded = new UploadedRule(stored, new RuleEntry(check.Info, UploadedPack, true, true, "rule"), check.Set);
            _state = _state with { States = _state.States.SetItem(id, state), Uploaded = _state.Uploaded.Add(uploaded) };
            Apply();
            return new RuleUploadOutcome(Get(id), [], null);
        }
        finally
        {
            _changes.Release();
        }
    }

    /// <summary>Deletes an uploaded rule (rules from folders can only be disabled).</summary>
    public async Task<RuleDeleteOutcome> DeleteAsync(IVigilStore store, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        await _changes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var row = Get(id);
            if (row is null)
            {
                return RuleDeleteOutcome.NotFound;
            }

            if (!row.Entry.Uploaded)
            {
                return RuleDeleteOutcome.NotUploaded;
            }

            await store.Rules.DeleteCustomAsync(id, cancellationToken).ConfigureAwait(false);
            _state = _state with
            {
                States = _state.States.Remove(id),
                Uploaded = _state.Uploaded.RemoveAll(u => u.Entry.Info.Id == id),
                UploadErrors = _state.UploadErrors.RemoveAll(e => e.File == id),
            };
            Apply();
            return RuleDeleteOutcome.Deleted;
        }
        finally
        {
            _changes.Release();
        }
    }

    /// <summary>Gives live detection the disabled set and a new engine of the enabled uploaded rules, in one swap.</summary>
    private void Apply()
    {
        var state = _state;
        var disabled = state.States.Values.Where(static s => !s.Enabled).Select(static s => s.RuleId).ToHashSet(StringComparer.Ordinal);
        var sets = state.Uploaded.Where(u => u.Set is not null && state.IsEnabled(u.Entry.Info.Id)).Select(static u => u.Set!).ToArray();
        var engine = sets.Length == 0 ? null : new DetectionEngine(RuleSet.Combine(sets), _engineOptions, new RecordingSink());
        _live.Set(disabled, engine);
    }

    private static RuleCheck Failed(string kind, string reason) => new(null, null, null, [new RuleLoadError(UploadedPack, UploadName, "", kind, reason)]);
}
