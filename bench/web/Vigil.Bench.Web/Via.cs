namespace Vigil.Bench.Web;

/// <summary>How a measured request is authenticated.</summary>
internal enum Via
{
    /// <summary>The cookie of an analyst signed in with the sign-in form (as a person's browser).</summary>
    Session,

    /// <summary>A bearer token with the analyse, respond, admin and audit scopes (the API, and pages an analyst may not see: Settings, Audit).</summary>
    Token,
}
