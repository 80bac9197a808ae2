using Vigil.Response.Breach;
using Vigil.Response.Deadlines;

namespace Vigil.Web.Responding;

/// <summary>A deadline clock as the breach page shows it: met (with the record that met it), overdue, or running.</summary>
/// <param name="Clock">The clock.</param>
/// <param name="Met">The first notification recorded for it, or null while it runs.</param>
public sealed record ClockView(Clock Clock, NotificationRecord? Met)
{
    /// <summary><c>met</c>, <c>overdue</c> or <c>running</c>.</summary>
    public string State => Met is not null ? "met" : Clock.Overdue ? "overdue" : "running";

    /// <summary>Time left as text (<c>2d 3h</c>, <c>5h 07m</c>; negative when overdue).</summary>
    public string Left
    {
        get
        {
            var span = Clock.Remaining;
            var sign = span < TimeSpan.Zero ? "-" : "";
            span = span.Duration();
            return span.TotalDays >= 2
                ? $"{sign}{(int)span.TotalDays}d {span.Hours}h"
                : $"{sign}{(int)span.TotalHours}h {span.Minutes:00}m";
        }
    }
}
