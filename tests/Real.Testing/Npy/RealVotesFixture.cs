namespace Real.Testing.Npy;

/// <summary>
/// Writes a small ReaL-shaped vote archive: <paramref name="answers"/>[r][q] is -1 (not asked) or the answer
/// position 0 = no, 1 = maybe, 2 = yes; questions are (file name, label) pairs.
/// </summary>
public static class RealVotesFixture
{
    public static void Write(string path, long[] raterIds, (string File, int Label)[] questions, int[][] answers, bool compressed = true)
    {
        var tensor = new double[raterIds.Length * questions.Length * 3];
        for (var r = 0; r < raterIds.Length; r++)
        {
            for (var q = 0; q < questions.Length; q++)
            {
                if (answers[r][q] >= 0)
                {
                    tensor[(((r * questions.Length) + q) * 3) + answers[r][q]] = 1.0;
                }
            }
        }

        var info = questions.SelectMany(q => new[] { q.File, q.Label.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToArray();
        NpzWriter.Write(
            path,
            new Dictionary<string, byte[]>
            {
                ["tensor"] = NpyWriter.Array("<f8", [raterIds.Length, questions.Length, 3], tensor),
                ["info"] = NpyWriter.Strings(info, [questions.Length, 2], 28),
                ["ids"] = NpyWriter.Array("<i8", [raterIds.Length], raterIds),
            },
            compressed);
    }
}
