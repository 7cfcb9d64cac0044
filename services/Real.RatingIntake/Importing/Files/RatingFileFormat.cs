namespace Real.RatingIntake.Importing.Files;

/// <summary>The file formats `real import ratings` reads.</summary>
public enum RatingFileFormat
{
    /// <summary>RFC 4180 CSV with a header row naming the fields.</summary>
    Csv,

    /// <summary>JSON Lines: one JSON object per line.</summary>
    JsonLines,
}
