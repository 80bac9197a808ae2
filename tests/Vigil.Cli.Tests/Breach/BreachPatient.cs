namespace Vigil.Cli.Tests.Breach;

/// <summary>A generated patient whose truth the test knows: what the mailbox holds about them and so what their letter must say.</summary>
internal sealed record BreachPatient(
    string Name,
    string NhsNumber,
    DateOnly BirthDate,
    string? Email,
    string? Address,
    string? Condition,
    string? Icd10)
{
    public bool Health => Condition is not null;

    public bool Contact => Email is not null || Address is not null;

    /// <summary>The NHS number as people write it: 3 3 4.</summary>
    public string SpacedNhs => $"{NhsNumber[..3]} {NhsNumber[3..6]} {NhsNumber[6..]}";

    /// <summary>Every value of this patient that must never reach another patient's letter.</summary>
    public IEnumerable<string> Identifiers()
    {
        yield return Name;
        yield return Name.Split(' ')[^1];
        yield return NhsNumber;
        yield return SpacedNhs;
        yield return BirthDate.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        if (Email is not null)
        {
            yield return Email;
        }

        if (Address is not null)
        {
            yield return Address;
        }
    }

    /// <summary>K distinct patients from <paramref name="seed"/>, with valid modulus-11 NHS numbers; exposure varies by index.</summary>
    public static IReadOnlyList<BreachPatient> Generate(int seed, int count)
    {
        string[] first = ["Archibald", "Winifred", "Bartholomew", "Henrietta", "Cuthbert", "Philippa", "Ambrose", "Rosalind"];
        string[] last = ["Pemberton", "Ashcombe", "Fairweather", "Thistlewood", "Marchbanks", "Greenhalgh", "Underhill", "Blackwood"];
        (string Condition, string Code)[] conditions = [("type 2 diabetes", "E11.9"), ("asthma", "J45.9"), ("essential hypertension", "I10"), ("depression", "F32.9")];
        var random = new Random(seed);
        var patients = new List<BreachPatient>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (patients.Count < count)
        {
            var i = patients.Count;
            var name = $"{first[random.Next(first.Length)]} {last[i % last.Length]}";
            if (!names.Add(name))
            {
                continue;
            }

            var birth = new DateOnly(1930 + random.Next(70), 1 + random.Next(12), 1 + random.Next(28));
            var local = name.ToLowerInvariant().Replace(' ', '.');

            // Index 0 mod 3: everything; 1: identity and health only; 2: identity and contact only.
            var contact = i % 3 != 1;
            var health = i % 3 != 2;
            var condition = conditions[i % conditions.Length];
            patients.Add(new BreachPatient(
                name,
                NewNhsNumber(random),
                birth,
                contact ? $"{local}{random.Next(10, 99)}@example.org" : null,
                contact ? $"{random.Next(2, 90)} Le Marchant Street, St Peter Port, GY1 {random.Next(1, 9)}HT" : null,
                health ? condition.Condition : null,
                health ? condition.Code : null));
        }

        return patients;
    }

    private static string NewNhsNumber(Random random)
    {
        while (true)
        {
            var digits = new int[9];
            digits[0] = random.Next(4, 7);
            for (var d = 1; d < 9; d++)
            {
                digits[d] = random.Next(10);
            }

            var sum = 0;
            for (var d = 0; d < 9; d++)
            {
                sum += digits[d] * (10 - d);
            }

            var check = 11 - (sum % 11);
            if (check == 10)
            {
                continue;
            }

            return string.Concat(digits) + (check == 11 ? 0 : check);
        }
    }
}
