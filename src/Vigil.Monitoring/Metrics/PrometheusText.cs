using System.Globalization;
using System.Text;

namespace Vigil.Monitoring;

/// <summary>Writes <see cref="MonitoringMetrics"/> in the Prometheus text exposition format (version 0.0.4).</summary>
public static class PrometheusText
{
    /// <summary>The metrics as text, with <paramref name="gauges"/> (name, help, value) appended.</summary>
    public static string Render(MonitoringMetrics metrics, IEnumerable<(string Name, string Help, double Value)> gauges)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(gauges);
        var text = new StringBuilder();
        CounterBy(text, "vigil_events_received_total", "Events handed over by each listener.", "listener", metrics.ReceivedEvents);
        CounterBy(text, "vigil_events_committed_total", "Events committed to the store, by listener.", "listener", metrics.CommittedEvents);
        Rejected(text, metrics.RejectedEvents);
        CounterBy(text, "vigil_events_dropped_total", "Messages dropped under overload (UDP), by listener.", "listener", metrics.DroppedEvents);
        CounterBy(text, "vigil_detections_total", "Rule matches, by rule id.", "rule", metrics.Detections);
        CounterBy(text, "vigil_alerts_total", "Alerts raised, by rule id.", "rule", metrics.Alerts);
        Single(text, "vigil_events_detected_total", "Events run through live detection.", "counter", metrics.DetectedEventsTotal.Get(""));
        Single(text, "vigil_writer_detection_waits_total", "Batches the event writer held back while live detection was far behind.", "counter", metrics.DetectionWaits.Get(""));
        const string Unevaluated = "vigil_analytics_unevaluated_total";
        text.Append("# HELP ").Append(Unevaluated).Append(" Events an analytic could not evaluate (a field missing, too far out of order...), by analytic and reason.\n");
        text.Append("# TYPE ").Append(Unevaluated).Append(" counter\n");
        foreach (var (key, value) in metrics.AnalyticsUnevaluated.OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            var parts = key.Split('\u001f');
            text.Append(Unevaluated).Append("{analytic=\"").Append(Escape(parts[0])).Append("\",reason=\"").Append(Escape(parts[^1])).Append("\"} ")
                .Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        HistogramOf(text, "vigil_store_write_seconds", "Time to commit one batch of events.", metrics.StoreWriteSeconds);
        HistogramOf(text, "vigil_detection_seconds", "Time to run detection over one batch of events and record its alerts.", metrics.DetectionSeconds);
        HistogramOf(text, "vigil_commit_to_alert_seconds", "Time from an event's commit to its alert being stored.", metrics.CommitToAlertSeconds);
        var described = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, help, value) in gauges)
        {
            var bare = name.Split('{')[0];
            if (described.Add(bare))
            {
                text.Append("# HELP ").Append(bare).Append(' ').Append(help).Append('\n');
                text.Append("# TYPE ").Append(bare).Append(bare.EndsWith("_total", StringComparison.Ordinal) ? " counter\n" : " gauge\n");
            }

            text.Append(name).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString();
    }

    private static void CounterBy(StringBuilder text, string name, string help, string label, Counter counter)
    {
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
        text.Append("# TYPE ").Append(name).Append(" counter\n");
        foreach (var (key, value) in counter.Snapshot())
        {
            text.Append(name).Append('{').Append(label).Append("=\"").Append(Escape(key)).Append("\"} ").Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
    }

    private static void Rejected(StringBuilder text, Counter counter)
    {
        const string Name = "vigil_events_rejected_total";
        text.Append("# HELP ").Append(Name).Append(" Events or messages refused, by listener and reason.\n");
        text.Append("# TYPE ").Append(Name).Append(" counter\n");
        foreach (var (key, value) in counter.Snapshot())
        {
            var parts = key.Split('\u001f');
            text.Append(Name).Append("{listener=\"").Append(Escape(parts[0])).Append("\",reason=\"").Append(Escape(parts[^1])).Append("\"} ")
                .Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
    }

    private static void Single(StringBuilder text, string name, string help, string type, double value)
    {
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
        text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        text.Append(name).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    private static void HistogramOf(StringBuilder text, string name, string help, Histogram histogram)
    {
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
        text.Append("# TYPE ").Append(name).Append(" histogram\n");
        var (cumulative, sum) = histogram.Snapshot();
        for (var i = 0; i < histogram.Bounds.Length; i++)
        {
            text.Append(name).Append("_bucket{le=\"").Append(histogram.Bounds[i].ToString(CultureInfo.InvariantCulture)).Append("\"} ")
                .Append(cumulative[i].ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        text.Append(name).Append("_bucket{le=\"+Inf\"} ").Append(cumulative[^1].ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append(name).Append("_sum ").Append(sum.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append(name).Append("_count ").Append(cumulative[^1].ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
