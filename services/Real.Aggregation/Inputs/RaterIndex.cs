namespace Real.Aggregation.Inputs;

/// <summary>Rater ids to dense indices, looked up by span so a known rater costs no allocation.</summary>
internal sealed class RaterIndex
{
    private readonly Dictionary<string, int> _indices = new(StringComparer.Ordinal);
    private readonly List<string> _ids = [];

    public IReadOnlyList<string> Ids => _ids;

    public int IndexOf(ReadOnlySpan<char> raterId)
    {
        if (_indices.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(raterId, out var index))
        {
            return index;
        }

        if (raterId.IsEmpty)
        {
            return -1;
        }

        var id = raterId.ToString();
        index = _ids.Count;
        _indices.Add(id, index);
        _ids.Add(id);
        return index;
    }
}
