using Vigil.Storage.Alerts;

namespace Vigil.Web.Api;

/// <summary>One alert with its rule's metadata, history and the ids of the events that caused it.</summary>
internal sealed record AlertDetailAnswer(AlertItem Alert, RuleMetadata Rule, IReadOnlyList<AlertActivity> Activity, IReadOnlyList<long> EventIds);
