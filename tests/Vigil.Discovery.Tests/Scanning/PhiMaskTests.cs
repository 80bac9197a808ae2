using Vigil.Discovery.Scanning;
using static Vigil.Discovery.Recognition.PhiTypes;

namespace Vigil.Discovery.Tests.Scanning;

public sealed class PhiMaskTests
{
    [Theory]
    [InlineData(UkNhs, "943 476 5919", "*** *** 5919")]
    [InlineData(UkNhs, "943-476-5919", "***-***-5919")]
    [InlineData(ScotChi, "1306690548", "******0548")]
    [InlineData(UkNino, "AB 12 34 56 C", "** ** ** 56 C")]
    [InlineData(UkPhone, "+44 7781 123456", "+** **** ***456")]
    [InlineData(Email, "john.smith@example.com", "j***@example.com")]
    [InlineData(Person, "John Smith", "J. S.")]
    [InlineData(Person, "Mary-Jane O'Neill", "M. O.")]
    [InlineData(DateOfBirth, "13/03/1969", "**/**/1969")]
    [InlineData(DateOfBirth, "13 March 1969", "** ***** 1969")]
    [InlineData(UkPostcode, "GY1 2AB", "GY1 ***")]
    [InlineData(Icd10, "F32.9", "F**.*")]
    [InlineData(Condition, "HIV infection", "H** *********")]
    [InlineData(Address, "12 High Street", "** **** ******")]
    public void Values_are_masked_keeping_only_what_tells_them_apart(string type, string value, string masked) =>
        Assert.Equal(masked, PhiMask.Mask(type, value));
}
