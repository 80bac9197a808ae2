using Vigil.Vulnerabilities.Versions;

namespace Vigil.Vulnerabilities.Tests.Versions;

public sealed class VersionValidityTests
{
    public static TheoryData<string, string, bool> Cases => new()
    {
        { "deb", "1:2.38.1-5+deb12u1", true },
        { "deb", "2.2~rc-4", true },
        { "deb", "", false },
        { "deb", "   ", false },
        { "deb", "1.0 2", false },
        { "deb", ":1.0", false },
        { "deb", "a:1.0", false },
        { "deb", "1.0-", false },
        { "deb", "abc", false },
        { "deb", "1.0_2", false },
        { "deb", "1.0-2_3", false },
        { "rpm", "0:3.10.0-229.el7", true },
        { "rpm", "1.0^git1~pre", true },
        { "rpm", "", false },
        { "rpm", "..--", false },
        { "rpm", "1.0 1", false },
        { "semver", "1.2.3-alpha.1+build.5", true },
        { "semver", "v1.2.3", true },
        { "semver", "1.2", false },
        { "semver", "01.2.3", false },
        { "semver", "1.2.3-01", false },
        { "semver", "1.2.3-", false },
        { "semver", "1.2.3-a..b", false },
        { "semver", "1.2.3+", false },
        { "semver", "1.2.3-a_b", false },
        { "semver", "", false },
        { "nuget", "1.0.0.1-beta.X+meta", true },
        { "nuget", "1.0", true },
        { "nuget", "1.0.0.0.0", false },
        { "nuget", "1.0.0-", false },
        { "nuget", "1.0.0-be$ta", false },
        { "nuget", "one", false },
        { "maven", "1.0-alpha-1-SNAPSHOT", true },
        { "maven", "Hoxton.SR1", true },
        { "maven", "", false },
        { "maven", "1.0 final", false },
        { "maven", "1.0\u0001", false },
        { "pypi", "1!2.0.post1.dev3+local.7", true },
        { "pypi", "1.0-1", true },
        { "pypi", "0.1-bulbasaur", false },
        { "pypi", "1.0+", false },
        { "pypi", "1.0+a..b", false },
        { "pypi", "", false },
        { "build", "15.1.2176.9", true },
        { "build", "15", true },
        { "build", "15.1.2176.9.1", false },
        { "build", "15.1.x.9", false },
        { "build", "15..1", false },
        { "build", "", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsValid_accepts_the_schemes_own_syntax_and_rejects_garbage_with_a_reason(string scheme, string version, bool valid)
    {
        var accepted = VectorAgreementTests.Scheme(scheme).IsValid(version, out var reason);

        Assert.Equal(valid, accepted);
        Assert.Equal(valid, reason is null);
    }

    public static TheoryData<string> SchemeNames => ["deb", "rpm", "semver", "nuget", "maven", "pypi", "build"];

    private static readonly string[] Garbage =
    [
        "", " ", "\0", "\t\n", "-", ".", ":", "~", "^", "+", "!", "v", "V", "1.", ".1", "1..2", "--1", "1-", "+1",
        "1:", "::", "1!", "1!!2", "1.0+", "1.0-+", "é", "１.２", "💥1.0", "1.0\u0000", "999999999999999999999999999999.1",
        "0:0", "a:b:c", "1.0.0-alpha..1", "1.0a.-post", new string('9', 1000), new string('.', 1000), string.Concat(Enumerable.Repeat("1a-", 300)),
    ];

    [Theory]
    [MemberData(nameof(SchemeNames))]
    public void Compare_orders_garbage_without_throwing_and_stays_antisymmetric(string name)
    {
        var scheme = VectorAgreementTests.Scheme(name);
        var failures = new List<string>();
        foreach (var a in Garbage.Append("1.0.0"))
        {
            foreach (var b in Garbage.Append("1.0.0"))
            {
                var forward = Math.Sign(scheme.Compare(a, b));
                var backward = Math.Sign(scheme.Compare(b, a));
                if (forward != -backward || (a == b && forward != 0))
                {
                    failures.Add($"'{Shorten(a)}' vs '{Shorten(b)}': {forward} / {backward}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(40)));
    }

    [Theory]
    [MemberData(nameof(SchemeNames))]
    public void Hostile_megabyte_versions_compare_without_overflowing_the_stack(string name)
    {
        var deep = string.Concat(Enumerable.Repeat("1a-", 350_000)); // about a megabyte, 700,000 nested Maven lists

        var result = VectorAgreementTests.Scheme(name).Compare(deep, deep + "1");

        Assert.True(result < 0);
    }

    [Theory]
    [InlineData("Debian:12", "deb")]
    [InlineData("Ubuntu:Pro:18.04:LTS", "deb")]
    [InlineData("AlmaLinux:9", "rpm")]
    [InlineData("Rocky Linux:8", "rpm")]
    [InlineData("Red Hat:rhel_aus:8.4::appstream", "rpm")]
    [InlineData("openSUSE:Tumbleweed", "rpm")]
    [InlineData("SUSE:Linux Enterprise Server 15 SP5", "rpm")]
    [InlineData("Mageia:9", "rpm")]
    [InlineData("npm", "semver")]
    [InlineData("Go", "semver")]
    [InlineData("crates.io", "semver")]
    [InlineData("Hex", "semver")]
    [InlineData("NuGet", "nuget")]
    [InlineData("Maven", "maven")]
    [InlineData("Maven:https://maven.google.com", "maven")]
    [InlineData("PyPI", "pypi")]
    [InlineData("Exchange", "build")]
    [InlineData("debian", "deb")]
    public void OSV_ecosystems_map_to_their_scheme(string ecosystem, string scheme)
    {
        Assert.Equal(scheme, VersionSchemes.ForEcosystem(ecosystem)?.Name);
    }

    [Theory]
    [InlineData("RubyGems")]
    [InlineData("Packagist")]
    [InlineData("Pub")]
    [InlineData("Alpine:v3.18")]
    [InlineData("CRAN")]
    [InlineData("")]
    [InlineData(":")]
    [InlineData("Debianish")]
    public void Ecosystems_without_an_implemented_ordering_get_none(string ecosystem)
    {
        Assert.Null(VersionSchemes.ForEcosystem(ecosystem));
    }

    private static string Shorten(string text) => text.Length > 20 ? text[..20] + "…" : text;
}
