namespace Real.Data.RealVotes;

/// <summary>Loading progress: how many raters' slices of <see cref="File"/>'s tensor have been read.</summary>
public readonly record struct RealVotesProgress(string File, int RatersRead, int RaterCount);
