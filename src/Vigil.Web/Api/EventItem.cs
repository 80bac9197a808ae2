using Vigil.Storage.Events;

namespace Vigil.Web.Api;

/// <summary>An event as the API shows it: fields as <c>[name, value]</c> pairs in their original order.</summary>
internal sealed record EventItem(long Id, DateTimeOffset Timestamp, DateTimeOffset ReceivedAt, string SourceType, string Origin, IReadOnlyList<string?[]> Fields, string Raw)
{
    public static EventItem From(StoredEvent e) => new(e.Id, e.Timestamp, e.ReceivedAt, e.SourceType, e.Origin, [.. e.Fields.Select(static f => new[] { f.Key, f.Value })], e.Raw);
}
