using Vigil.Discovery.Scanning;
using Vigil.Discovery.Subjects;
using static Vigil.Discovery.Recognition.PhiTypes;

namespace Vigil.Discovery.Tests.Subjects;

public sealed class SignatureContactTests
{
    private const string Headers = "From: Gwen Gallienne <g.gallienne@practice.example.gg>\nTo: o.quenby@practice.example.gg\nSubject: Update";

    private static IReadOnlyList<DataSubject> Link(ItemFindings item)
    {
        var linker = new SubjectLinker();
        linker.Add(item);
        return linker.Build(reveal: true);
    }

    [Fact]
    public void A_signature_telephone_number_is_the_signer_s_and_not_a_person_of_its_own()
    {
        var subjects = Link(Mailbox.Message("m1", Headers,
            "Could you cover reception on Friday?\n\nKind regards,\nGwen Gallienne\nTel: 01481 700100\n",
            (Person, "Gwen Gallienne"), (Email, "g.gallienne@practice.example.gg"), (Email, "o.quenby@practice.example.gg"),
            (Person, "Gwen Gallienne"), (UkPhone, "01481 700100")));

        Assert.All(subjects, static s => Assert.True(s.Correspondent));
        var signer = Assert.Single(subjects, static s => s.Identifiers.Any(static v => v.Value == "Gwen Gallienne"));
        Assert.Contains(signer.Identifiers, static v => v.Value == "01481 700100");
    }

    [Fact]
    public void A_signature_telephone_number_is_not_given_to_the_patient_in_the_message()
    {
        var subjects = Link(Mailbox.Message("m1", Headers,
            "Re patient John Smith, DOB 01/02/1960.\nNHS number: 943 476 5919.\n\nKind regards,\nGwen Gallienne\nTel: 01481 700100\n",
            (Person, "Gwen Gallienne"), (Email, "g.gallienne@practice.example.gg"), (Email, "o.quenby@practice.example.gg"),
            (Person, "John Smith"), (DateOfBirth, "01/02/1960"), (UkNhs, "943 476 5919"), (Person, "Gwen Gallienne"), (UkPhone, "01481 700100")));

        var patient = Assert.Single(subjects, static s => !s.Correspondent);
        Assert.DoesNotContain(patient.Identifiers, static v => v.Type == UkPhone);
    }
}
