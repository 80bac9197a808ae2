using System.Net;
using Vigil.Detection.Analytics;

namespace Vigil.Detection.Tests.Analytics;

public sealed class IpTextTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.0.0/16")]
    [InlineData("198.51.100.250", "198.51.0.0/16")]
    [InlineData("2001:db8:abcd:12::1", "2001:0db8::/32")]
    [InlineData("2a09:bac5:113:105::1a:a7", "2a09:bac5::/32")]
    public void Networks_are_the_same_text_on_first_sight_and_from_memory(string text, string network)
    {
        for (var round = 0; round < 3; round++)
        {
            Assert.Equal(network, IpText.NetworkOf(IPAddress.Parse(text)));
        }
    }

    [Fact]
    public void More_networks_than_are_remembered_are_still_each_their_own()
    {
        for (var round = 0; round < 2; round++)
        {
            for (var a = 0; a < 80; a++)
            {
                for (var b = 0; b < 80; b++)
                {
                    Assert.Equal($"{a + 1}.{b}.0.0/16", IpText.NetworkOf(new IPAddress([(byte)(a + 1), (byte)b, 9, 9])));
                }
            }
        }
    }

    [Theory]
    [InlineData("192.0.2.7", true)]
    [InlineData("2001:db8::1", true)]
    [InlineData("2001:DB8::1", false)]
    [InlineData("2001:db8:0:0::1", false)]
    public void Canonical_text_is_the_log_string_itself_when_it_already_is_canonical(string text, bool same)
    {
        var parsed = IPAddress.Parse(text);
        var canonical = IpText.Canonical(parsed, text);
        Assert.Equal(parsed.ToString(), canonical);
        Assert.Equal(same, ReferenceEquals(text, canonical));
    }
}
