namespace Vigil.Web.Rules;

/// <summary>A configured rules folder (or the uploaded rules) with its counts.</summary>
/// <param name="Name">The pack's name: <c>vigil</c> for the bundled rules, the folder's name, or <c>uploaded</c>.</param>
/// <param name="Path">The folder or file, or empty for uploaded rules.</param>
/// <param name="Loaded">Rules that compiled and run.</param>
/// <param name="Disabled">Rules switched off.</param>
/// <param name="Failed">Rules or files that could not be loaded.</param>
internal sealed record RulePack(string Name, string Path, int Loaded, int Disabled, int Failed);
