namespace Vigil.Storage.Users;

/// <summary>What a sign-in name may be: 1 to 64 letters, digits and <c>. _ - @</c>.</summary>
public static class UserNames
{
    /// <summary>The longest name.</summary>
    public const int MaxLength = 64;

    /// <summary>Whether <paramref name="name"/> is a valid sign-in name.</summary>
    public static bool IsValid(string? name)
        => name is { Length: > 0 and <= MaxLength } && name.All(static c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@');
}
