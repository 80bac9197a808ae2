namespace Vigil.Discovery.Tests.Accuracy;

/// <summary>Counts for one entity type.</summary>
internal sealed record TypeScore(string Type, int Gold, int Predicted, int GoldFound, int PredictedCorrect)
{
    public double Recall => Gold == 0 ? 1 : (double)GoldFound / Gold;

    public double Precision => Predicted == 0 ? 1 : (double)PredictedCorrect / Predicted;

    public double F1 => Recall + Precision == 0 ? 0 : 2 * Recall * Precision / (Recall + Precision);

    public override string ToString() =>
        $"{Type,-16} gold {Gold,6}  predicted {Predicted,6}  recall {Recall:0.000}  precision {Precision:0.000}  F1 {F1:0.000}";
}
