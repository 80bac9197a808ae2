namespace Vigil.Storage.Rules;

/// <summary>Rule states (enabled or disabled) and uploaded rules, as the web app changes them; live detection reads them.</summary>
public interface IRuleStore
{
    /// <summary>Every rule state set so far.</summary>
    Task<IReadOnlyList<RuleState>> StatesAsync(CancellationToken cancellationToken);

    /// <summary>Sets (inserts or replaces) a rule's state.</summary>
    Task SetStateAsync(RuleState state, CancellationToken cancellationToken);

    /// <summary>Every uploaded rule, oldest first.</summary>
    Task<IReadOnlyList<CustomRule>> CustomRulesAsync(CancellationToken cancellationToken);

    /// <summary>Stores an uploaded rule with its state, in one transaction.</summary>
    /// <returns>False when a rule with that id is already stored (nothing is changed).</returns>
    Task<bool> AddCustomAsync(CustomRule rule, RuleState state, CancellationToken cancellationToken);

    /// <summary>Deletes an uploaded rule and its state.</summary>
    /// <returns>False when no uploaded rule has that id.</returns>
    Task<bool> DeleteCustomAsync(string ruleId, CancellationToken cancellationToken);

    /// <summary>Alert counts and latest detection per rule, for the given rules (those without alerts are absent).</summary>
    Task<IReadOnlyDictionary<string, RuleAlertStats>> AlertStatsAsync(IReadOnlyCollection<string> ruleIds, CancellationToken cancellationToken);
}
