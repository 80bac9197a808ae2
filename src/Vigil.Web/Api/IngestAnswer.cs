namespace Vigil.Web.Api;

/// <summary>The answer to an accepted ingest request.</summary>
/// <param name="Accepted">How many events the request held (all committed).</param>
/// <param name="Duplicate">The request's Idempotency-Key had been committed before; nothing was written again.</param>
public sealed record IngestAnswer(int Accepted, bool Duplicate);
