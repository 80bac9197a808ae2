using Vigil.Discovery.Recognition;
using Vigil.Discovery.Scanning;
using Vigil.Discovery.Subjects;
using static Vigil.Discovery.Recognition.PhiTypes;

namespace Vigil.Discovery.Tests.Subjects;

public sealed class SubjectLinkerTests
{
    private const string StaffHeaders = "From: Alice Jones <alice.jones@nhs.net>\nTo: reception@practice.example.gg\nSubject: Patient update";

    private static IReadOnlyList<DataSubject> Link(params ItemFindings[] items)
    {
        var linker = new SubjectLinker();
        foreach (var item in items)
        {
            linker.Add(item);
        }

        return linker.Build(reveal: true);
    }

    private static ItemFindings Patient(string id, string name, string dob, string nhs, string email = "x@example.com") =>
        Mailbox.Message(id, StaffHeaders,
            $"Please see below.\n\nRe patient {name}, DOB {dob}.\nNHS number: {nhs}.\nEmail: {email}\nDiagnosis: asthma (J45.9).\n\nKind regards,\nAlice Jones\n",
            (Person, "Alice Jones"), (Email, "alice.jones@nhs.net"), (Email, "reception@practice.example.gg"),
            (Person, name), (DateOfBirth, dob), (UkNhs, nhs), (Email, email), (Condition, "asthma"), (Icd10, "J45.9"), (Person, "Alice Jones"));

    private static List<DataSubject> Patients(IReadOnlyList<DataSubject> subjects) => subjects.Where(static s => !s.Correspondent).ToList();

    [Fact]
    public void Two_messages_sharing_an_NHS_number_are_one_subject()
    {
        var subjects = Link(
            Patient("m1", "John Smith", "01/02/1960", "943 476 5919", "john@example.com"),
            Patient("m2", "J Smith", "1 February 1960", "9434765919", "jsmith@example.org"));

        var patient = Assert.Single(Patients(subjects));
        Assert.Equal(["m1", "m2"], patient.Items);
        Assert.Contains(UkNhs, patient.LinkedBy);
        Assert.Equal([PhiCategory.Identity, PhiCategory.Contact, PhiCategory.Health], patient.Categories);
        Assert.Single(patient.Identifiers, static v => v.Type == UkNhs);
    }

    [Fact]
    public void A_staff_signature_in_every_message_does_not_merge_the_patients()
    {
        var subjects = Link(
            Patient("m1", "John Smith", "01/02/1960", "943 476 5919", "john@example.com"),
            Patient("m2", "Mary Brown", "03/04/1970", "401 023 2137", "mary@example.com"),
            Patient("m3", "Ann Green", "05/06/1980", "999 000 0018", "ann@example.com"));

        Assert.Equal(3, Patients(subjects).Count);
        Assert.All(Patients(subjects), static p => Assert.Single(p.Items));
        Assert.All(Patients(subjects), static p => Assert.DoesNotContain(p.Identifiers, static v => v.Value == "Alice Jones"));
        // The sender is one subject across the three messages: her name in the signature went to her, not the patient.
        var staff = Assert.Single(subjects, static s => s.Identifiers.Any(static v => v.Value == "alice.jones@nhs.net"));
        Assert.True(staff.Correspondent);
        Assert.Equal(3, staff.Items.Count);
        Assert.Equal(6, staff.Types[Person]);
    }

    [Fact]
    public void The_same_name_and_date_of_birth_link_two_messages()
    {
        var subjects = Link(
            Mailbox.Message("m1", "Subject: a", "Re: Mrs Jane Doe, DOB 12/03/1950, seen today.", (Person, "Jane Doe"), (DateOfBirth, "12/03/1950")),
            Mailbox.Message("m2", "Subject: b", "Patient: Jane Doe (born 12 March 1950) has HIV infection.", (Person, "Jane Doe"), (DateOfBirth, "12 March 1950"), (Condition, "HIV infection")));

        var subject = Assert.Single(subjects);
        Assert.Equal(["NAME+DOB"], subject.LinkedBy);
        Assert.Contains(PhiCategory.Health, subject.Categories);
    }

    [Fact]
    public void A_name_alone_does_not_link_two_messages()
    {
        var subjects = Link(
            Mailbox.Message("m1", "Subject: a", "Dear David Evans, your results are normal.", (Person, "David Evans")),
            Mailbox.Message("m2", "Subject: b", "David Evans missed his appointment.", (Person, "David Evans")));

        Assert.Equal(2, subjects.Count);
    }

    [Fact]
    public void A_shared_email_address_does_not_merge_people_with_different_NHS_numbers()
    {
        var subjects = Link(
            Patient("m1", "John Smith", "01/02/1960", "943 476 5919", "smiths@example.com"),
            Patient("m2", "Mary Smith", "01/02/1962", "401 023 2137", "smiths@example.com"));

        Assert.Equal(2, Patients(subjects).Count);
    }

    [Fact]
    public void A_shared_email_address_links_records_that_do_not_contradict_each_other()
    {
        var subjects = Link(
            Patient("m1", "John Smith", "01/02/1960", "943 476 5919", "john@example.com"),
            Mailbox.Message("m2", "Subject: x", "Message from john@example.com about metformin.", (Email, "john@example.com"), (Medication, "metformin")));

        var patient = Assert.Single(Patients(subjects));
        Assert.Equal(["EMAIL"], patient.LinkedBy);
        Assert.Equal(["m1", "m2"], patient.Items);
    }

    [Fact]
    public void A_next_of_kin_is_a_subject_of_their_own_with_the_phone_on_their_line()
    {
        var subjects = Link(Mailbox.Message("m1", "Subject: x",
            "Re patient Archie Thompson, DOB 13/03/1969.\nCHI 1306690548.\nNext of kin: Jane Thompson, mobile 07700 900123.\nTel: 020 7946 0328.",
            (Person, "Archie Thompson"), (DateOfBirth, "13/03/1969"), (ScotChi, "1306690548"), (Person, "Jane Thompson"), (UkPhone, "07700 900123"), (UkPhone, "020 7946 0328")));

        Assert.Equal(2, subjects.Count);
        var kin = Assert.Single(subjects, static s => s.Name == "Jane Thompson");
        Assert.Equal(["PERSON", "UK_PHONE"], kin.Types.Keys);
        var patient = Assert.Single(subjects, static s => s.Name == "Archie Thompson");
        Assert.Equal(2, patient.Types[ScotChi] + patient.Types[UkPhone]);
    }

    [Fact]
    public void Patients_listed_row_by_row_in_one_paragraph_are_separate_subjects()
    {
        var subjects = Link(Mailbox.Message("m1", "Subject: list",
            "Clinic list:\nJohn Smith 943 476 5919 asthma\nMary Brown 401 023 2137 epilepsy\nAnn Green 999 000 0018 COPD",
            (Person, "John Smith"), (UkNhs, "943 476 5919"), (Condition, "asthma"), (Person, "Mary Brown"), (UkNhs, "401 023 2137"),
            (Condition, "epilepsy"), (Person, "Ann Green"), (UkNhs, "999 000 0018"), (Condition, "COPD")));

        Assert.Equal(3, subjects.Count);
        Assert.All(subjects, static s => Assert.Equal(1, s.Types[UkNhs]));
        Assert.All(subjects, static s => Assert.Equal(1, s.Types[Condition]));
        Assert.Equal(["Ann Green", "John Smith", "Mary Brown"], subjects.Select(static s => s.Name).Order());
    }

    [Fact]
    public void Health_data_in_its_own_paragraph_belongs_to_the_only_patient_of_the_message()
    {
        var subjects = Link(Mailbox.Message("m1", "Subject: x", "Re: Tom Hill, NHS 943 476 5919.\n\nHe takes sertraline for depression.",
            (Person, "Tom Hill"), (UkNhs, "943 476 5919"), (Medication, "sertraline"), (Condition, "depression")));

        var subject = Assert.Single(subjects);
        Assert.Contains(PhiCategory.Health, subject.Categories);
    }

    [Fact]
    public void A_correspondent_address_in_the_text_does_not_link_the_patients_it_sits_beside()
    {
        // The practice address is in a header of some message; in the text it is the practice's, not the patient's.
        var subjects = Link(
            Mailbox.Message("m0", "From: reception@practice.example.gg", "Hello", (Email, "reception@practice.example.gg")),
            Mailbox.Message("m1", "Subject: a", "Tom Hill, DOB 01/01/1950, reply to reception@practice.example.gg", (Person, "Tom Hill"), (DateOfBirth, "01/01/1950"), (Email, "reception@practice.example.gg")),
            Mailbox.Message("m2", "Subject: b", "Sue Hill, DOB 02/02/1952, reply to reception@practice.example.gg", (Person, "Sue Hill"), (DateOfBirth, "02/02/1952"), (Email, "reception@practice.example.gg")));

        Assert.Equal(3, subjects.Count);
        Assert.Single(subjects[0].Items);
    }

    [Fact]
    public void Masked_subjects_carry_no_values()
    {
        var linker = new SubjectLinker();
        linker.Add(Patient("m1", "John Smith", "01/02/1960", "943 476 5919", "john@example.com"));
        var patient = Assert.Single(linker.Build(reveal: false), static s => !s.Correspondent);
        Assert.Equal("J. S.", patient.Name);
        Assert.All(patient.Identifiers, static v => Assert.Null(v.Value));
        Assert.Contains(patient.Identifiers, static v => v.Masked == "*** *** 5919");
    }
}
