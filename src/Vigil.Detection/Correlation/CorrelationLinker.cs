using Vigil.Detection.Rules;
using Vigil.Diagnostics;

namespace Vigil.Detection.Correlation;

/// <summary>Resolves correlations' rule references and orders them so that a correlation comes after those it uses.</summary>
/// <remarks>
/// A correlation is reported (kind <c>bad-correlation</c>) and dropped when: a rule or alias reference resolves to
/// nothing; two references resolve to the same rule; its id repeats an earlier correlation's; it refers to a dropped
/// correlation; or it refers back to itself through a chain of correlations.
/// </remarks>
internal static class CorrelationLinker
{
    private const string Kind = "bad-correlation";

    /// <summary>The usable correlations, each after every correlation it refers to.</summary>
    public static List<LinkedCorrelation> Link(IReadOnlyList<CorrelationRule> correlations, Func<string, RuleInfo?> resolve, IProblemSink problems)
    {
        var allIds = new HashSet<string>(correlations.Select(static c => c.Info.Id), StringComparer.Ordinal);
        var alive = new Dictionary<string, LinkedCorrelation>(StringComparer.Ordinal);
        foreach (var correlation in correlations)
        {
            if (alive.TryGetValue(correlation.Info.Id, out var first))
            {
                Report(problems, correlation, $"its id '{correlation.Info.Id}' is already used by correlation rule '{first.Rule.Info.Title}'; this one is ignored.");
            }
            else if (Resolve(correlation, resolve, problems) is { } linked)
            {
                alive.Add(correlation.Info.Id, linked);
            }
        }

        // A correlation that uses a dropped one can never fire: drop it too, until nothing changes.
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var linked in alive.Values.ToList())
            {
                if (linked.RuleIds.FirstOrDefault(id => allIds.Contains(id) && !alive.ContainsKey(id)) is { } missing)
                {
                    var title = correlations.First(c => c.Info.Id == missing).Info.Title;
                    Report(problems, linked.Rule, $"it uses correlation rule '{title}', which could not be loaded.");
                    alive.Remove(linked.Rule.Info.Id);
                    changed = true;
                }
            }
        }

        return Order(alive, problems);
    }

    private static LinkedCorrelation? Resolve(CorrelationRule correlation, Func<string, RuleInfo?> resolve, IProblemSink problems)
    {
        var ids = new List<string>();
        var ok = true;
        foreach (var reference in correlation.RuleRefs)
        {
            if (resolve(reference) is not { } rule)
            {
                Report(problems, correlation, $"correlation.rules refers to '{reference}', which is not the id or name of any loaded rule or correlation.");
                ok = false;
            }
            else if (ids.IndexOf(rule.Id) is var at and >= 0)
            {
                Report(problems, correlation, $"correlation.rules refers to the same rule twice, as '{correlation.RuleRefs[at]}' and '{reference}'.");
                ok = false;
            }
            else
            {
                ids.Add(rule.Id);
            }
        }

        var maps = ids.Select(static _ => new Dictionary<string, string>(StringComparer.Ordinal)).ToList();
        foreach (var (alias, byRule) in correlation.Aliases)
        {
            foreach (var (reference, field) in byRule)
            {
                if (resolve(reference) is not { } rule)
                {
                    Report(problems, correlation, $"correlation.aliases.{alias} refers to '{reference}', which is not the id or name of any loaded rule or correlation.");
                    ok = false;
                }
                else if (ids.IndexOf(rule.Id) is var index and >= 0)
                {
                    // An alias for a rule the correlation does not list is harmless and ignored.
                    maps[index][alias] = field;
                }
            }
        }

        return ok ? new LinkedCorrelation(correlation, ids, maps) : null;
    }

    /// <summary>Orders by dependency (Kahn's algorithm); what cannot be ordered is in, or depends on, a cycle.</summary>
    private static List<LinkedCorrelation> Order(Dictionary<string, LinkedCorrelation> alive, IProblemSink problems)
    {
        var waiting = new Dictionary<string, int>(StringComparer.Ordinal);
        var users = new Dictionary<string, List<LinkedCorrelation>>(StringComparer.Ordinal);
        foreach (var linked in alive.Values)
        {
            var uses = linked.RuleIds.Where(alive.ContainsKey).ToList();
            waiting[linked.Rule.Info.Id] = uses.Count;
            foreach (var used in uses)
            {
                if (!users.TryGetValue(used, out var list))
                {
                    users[used] = list = [];
                }

                list.Add(linked);
            }
        }

        var ready = new Queue<LinkedCorrelation>(alive.Values.Where(l => waiting[l.Rule.Info.Id] == 0));
        var ordered = new List<LinkedCorrelation>();
        while (ready.TryDequeue(out var next))
        {
            ordered.Add(next);
            foreach (var user in users.GetValueOrDefault(next.Rule.Info.Id) ?? [])
            {
                if (--waiting[user.Rule.Info.Id] == 0)
                {
                    ready.Enqueue(user);
                }
            }
        }

        foreach (var linked in alive.Values.Where(l => waiting[l.Rule.Info.Id] > 0))
        {
            Report(problems, linked.Rule, "its rules refer back to it through a chain of correlations (or it uses a correlation that does).");
        }

        return ordered;
    }

    private static void Report(IProblemSink problems, CorrelationRule correlation, string reason) =>
        problems.Report(new InputProblem(correlation.Info.File, "", Kind, $"Correlation rule '{correlation.Info.Title}': {reason}"));
}
