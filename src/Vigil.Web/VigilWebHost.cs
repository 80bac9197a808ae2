using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;

namespace Vigil.Web;

/// <summary>Where and how Kestrel listens: the configured URL, with the configured certificate for https.</summary>
public static class VigilWebHost
{
    /// <summary>Listens on <see cref="WebOptions.Url"/>; for https loads <see cref="WebOptions.Certificate"/>.</summary>
    /// <returns>Null, or one line naming the setting that cannot be used and why.</returns>
    public static string? UseVigilUrl(this IWebHostBuilder builder, WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.UseUrls(options.Url);
        if (!options.Url.StartsWith("https:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = LoadCertificate(options.Certificate ?? "", options.CertificatePassword);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return $"http:certificate: {options.Certificate}: cannot load ({e.Message})";
        }

        builder.UseKestrelHttpsConfiguration();
        builder.ConfigureKestrel(k => k.ConfigureHttpsDefaults(h => h.ServerCertificate = certificate));
        return null;
    }

    private static X509Certificate2 LoadCertificate(string path, string? password) =>
        path.EndsWith(".pem", StringComparison.OrdinalIgnoreCase)
            ? X509Certificate2.CreateFromPemFile(path)
            : X509CertificateLoader.LoadPkcs12FromFile(path, password);
}
