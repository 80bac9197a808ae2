namespace Vigil.Web.Api.Audit;

/// <summary>One audit entry as the page and API show it (the hash as lowercase hex).</summary>
internal sealed record AuditRow(long Id, DateTimeOffset Time, string Actor, string Action, string? Target, string? Ip, string? Detail, string Hash);
