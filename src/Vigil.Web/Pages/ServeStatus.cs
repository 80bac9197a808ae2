using Vigil.Ingestion.Listeners;
using Vigil.Monitoring.Delivery;

namespace Vigil.Web.Pages;

/// <summary>What <c>vigil serve</c> is running, for the Settings page: listeners with their counters and alert channels.</summary>
/// <param name="Listeners">Each listener's counters, read when the page is shown.</param>
/// <param name="Channels">The configured alert channels (the test button sends through them).</param>
/// <param name="RulesLoaded">How many detection rules the engine loaded.</param>
public sealed record ServeStatus(Func<IReadOnlyList<ListenerStatistics>> Listeners, IReadOnlyList<IAlertChannel> Channels, int RulesLoaded);
