namespace Vigil.Storage.Vulnerabilities;

/// <summary>One imported feed item: its kind (<c>osv</c>, <c>kev</c>, <c>epss</c>, <c>nvd</c>, ...), its key (advisory id or CVE) and its JSON.</summary>
public sealed record FeedItem(string Kind, string Key, string Body);
