namespace Vigil.Vulnerabilities.Feeds;

/// <summary>A feed item that was skipped: the file, the item (entry in a zip, line, index, id) and why.</summary>
public sealed record FeedProblem(string File, string Item, string Reason);
