using System.CommandLine;
using System.Globalization;
using Vigil.Response.Incidents;
using Vigil.Storage;

namespace Vigil.Cli.Incidents;

/// <summary>What the incident and evidence commands share: the acting user, the output format, finding an incident.</summary>
internal static class IncidentCli
{
    public static Option<string> Actor() => new("--as") { Description = "Who is acting (recorded with the change). Default: the login name.", DefaultValueFactory = static _ => ActingAs(null) };

    /// <summary>Who acts: the name given (<c>--as</c>, <c>--by</c>), or the operating-system login when none is.</summary>
    public static string ActingAs(string? given) => string.IsNullOrWhiteSpace(given) ? Environment.UserName : given.Trim();

    public static Option<string> Format()
    {
        var format = new Option<string>("--format", "-f") { Description = "table or json.", DefaultValueFactory = static _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        return format;
    }

    public static Argument<string> Reference() => new("REF") { Description = "The incident: its reference (INC-2026-0001) or id." };

    /// <summary>The incident <paramref name="reference"/> names, or null after writing one line naming the problem.</summary>
    public static async Task<Incident?> FindAsync(IVigilStore store, string reference, string command, CancellationToken cancellationToken)
    {
        var incident = long.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await store.Incidents.GetAsync(id, cancellationToken).ConfigureAwait(false)
            : await store.Incidents.GetByReferenceAsync(reference, cancellationToken).ConfigureAwait(false);
        if (incident is null)
        {
            CommandLine.Fail(command, $"{reference}: no such incident");
        }

        return incident;
    }

    public static string Duration(TimeSpan span)
    {
        var sign = span < TimeSpan.Zero ? "-" : string.Empty;
        span = span.Duration();
        return span.TotalDays >= 2
            ? $"{sign}{Math.Floor(span.TotalDays).ToString(CultureInfo.InvariantCulture)}d {span.Hours.ToString(CultureInfo.InvariantCulture)}h"
            : $"{sign}{Math.Floor(span.TotalHours).ToString(CultureInfo.InvariantCulture)}h {span.Minutes.ToString("00", CultureInfo.InvariantCulture)}m";
    }
}
