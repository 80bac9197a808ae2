namespace Vigil.Cli.Demo.Generation;

/// <summary>An address and where DB-IP's city database places it (looked up when the demo was written).</summary>
internal sealed record Place(string Ip, string City, string Country, double Latitude, double Longitude);
