using Vigil.Vulnerabilities.Inventory.Identity;

namespace Vigil.Vulnerabilities.Tests.Inventory;

public sealed class PurlTests
{
    [Theory]
    [InlineData("pkg:deb/debian/libssl1.1@1.1.0l-1~deb9u5?arch=amd64&upstream=openssl&distro=debian-9", "Debian:9|openssl|1.1.0l-1~deb9u5")]
    [InlineData("pkg:deb/debian/bsdutils@1:2.29.2-1+deb9u1?upstream=util-linux%402.29.2-1+deb9u1&distro=debian-9", "Debian:9|util-linux|2.29.2-1+deb9u1")]
    [InlineData("pkg:deb/debian/curl@7.88.1-10?distro=debian-12", "Debian:12|curl|7.88.1-10")]
    [InlineData("pkg:deb/debian/curl@7.88.1-10?distro=bookworm", "Debian:12|curl|7.88.1-10")]
    [InlineData("pkg:deb/debian/curl@7.88.1-10", "Debian|curl|7.88.1-10")]
    [InlineData("pkg:deb/ubuntu/pcre3@2%3A8.39-12ubuntu0.1?distro=focal&source=pcre3", "Ubuntu:20.04:LTS|pcre3|2:8.39-12ubuntu0.1")]
    [InlineData("pkg:deb/ubuntu/curl@8.5.0-2ubuntu10?distro=ubuntu-24.04", "Ubuntu:24.04:LTS|curl|8.5.0-2ubuntu10")]
    [InlineData("pkg:rpm/almalinux/bash@5.1.8-9.el9?arch=x86_64&distro=almalinux-9", "AlmaLinux:9|bash|5.1.8-9.el9")]
    [InlineData("pkg:rpm/almalinux/openssl-libs@3.0.7-27.el9?epoch=1&distro=almalinux-9.4", "AlmaLinux:9|openssl-libs|1:3.0.7-27.el9")]
    [InlineData("pkg:rpm/rocky/bash@5.1.8-9.el9?distro=rocky-9", "Rocky Linux:9|bash|5.1.8-9.el9")]
    [InlineData("pkg:apk/alpine/libssl3@3.0.8-r0?upstream=openssl&distro=alpine-3.17.2", "Alpine:v3.17|openssl|3.0.8-r0")]
    [InlineData("pkg:npm/%40angular/core@16.2.0", "npm|@angular/core|16.2.0")]
    [InlineData("pkg:npm/lodash@4.17.20", "npm|lodash|4.17.20")]
    [InlineData("pkg:pypi/django@4.2.1", "PyPI|django|4.2.1")]
    [InlineData("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", "Maven|org.apache.logging.log4j:log4j-core|2.14.1")]
    [InlineData("pkg:nuget/Newtonsoft.Json@12.0.1", "NuGet|Newtonsoft.Json|12.0.1")]
    [InlineData("pkg:golang/github.com/opencontainers/runc@v1.0.1", "Go|github.com/opencontainers/runc|1.0.1")]
    [InlineData("pkg:cargo/smallvec@1.6.0", "crates.io|smallvec|1.6.0")]
    [InlineData("pkg:gem/rails@7.0.0", "RubyGems|rails|7.0.0")]
    [InlineData("pkg:composer/laravel/framework@9.0.0", "Packagist|laravel/framework|9.0.0")]
    public void Purls_map_to_the_OSV_ecosystem_name_and_version(string purl, string expected)
    {
        var parsed = PackageUrl.Parse(purl, out var parseReason);
        Assert.Null(parseReason);
        var mapped = PurlEcosystem.Map(parsed!, null, out var reason);
        Assert.Null(reason);
        Assert.Equal(expected, $"{mapped!.Value.Ecosystem}|{mapped.Value.Name}|{mapped.Value.Version}");
    }

    [Theory]
    [InlineData("pkg:generic/postgresql@11.15", "no OSV ecosystem for purl type 'generic'")]
    [InlineData("pkg:deb/mint/curl@1.0", "no OSV ecosystem for purl type 'deb' with this namespace")]
    [InlineData("pkg:npm/lodash", "the purl has no version")]
    public void Purls_without_an_OSV_ecosystem_or_version_say_why(string purl, string reason)
    {
        var parsed = PackageUrl.Parse(purl, out _);
        Assert.Null(PurlEcosystem.Map(parsed!, null, out var why));
        Assert.Equal(reason, why);
    }

    [Fact]
    public void A_purl_without_a_distro_takes_the_release_given_for_the_inventory()
    {
        var parsed = PackageUrl.Parse("pkg:deb/debian/curl@7.88.1-10", out _);
        Assert.Equal("Debian:12", PurlEcosystem.Map(parsed!, "Debian:12", out _)!.Value.Ecosystem);
    }
}
