namespace Real.Data.RealVotes;

/// <summary>The answer positions of the vote tensor's last axis: one-hot over (no, maybe, yes).</summary>
public enum RealVoteAnswer : byte
{
    No = 0,
    Maybe = 1,
    Yes = 2,
}
