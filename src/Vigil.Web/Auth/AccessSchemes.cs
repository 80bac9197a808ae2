namespace Vigil.Web.Auth;

/// <summary>Authentication scheme names: people use the cookie, programs a bearer token; the default picks by header.</summary>
public static class AccessSchemes
{
    /// <summary>The default scheme: a request with an <c>Authorization</c> header is a token's, any other a cookie's.</summary>
    public const string Default = "vigil";

    /// <summary>Signed-in people.</summary>
    public const string Cookie = "vigil-cookie";

    /// <summary>API tokens.</summary>
    public const string Bearer = "VigilToken";
}
