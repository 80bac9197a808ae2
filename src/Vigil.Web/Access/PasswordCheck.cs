namespace Vigil.Web.Access;

/// <summary>The outcome of checking a password against its stored hash.</summary>
/// <param name="Valid">The password matches.</param>
/// <param name="NeedsRehash">It matches, but the hash was made with other parameters: store a new hash.</param>
public readonly record struct PasswordCheck(bool Valid, bool NeedsRehash);
