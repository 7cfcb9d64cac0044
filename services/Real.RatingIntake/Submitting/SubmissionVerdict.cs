namespace Real.RatingIntake.Submitting;

/// <summary>How a submission ended, which decides the HTTP status and whether anything was recorded.</summary>
public enum SubmissionVerdict
{
    /// <summary>Every rating recorded (now or before): RatingsAccepted, HTTP 200.</summary>
    Accepted,

    /// <summary>Some ratings recorded, some rejected: RatingsRejected with Accepted filled, HTTP 422.</summary>
    PartiallyAccepted,

    /// <summary>The batch is well-formed but no rating of it is valid: RatingsRejected, HTTP 422.</summary>
    AllRejected,

    /// <summary>The body could not be read as a batch (not JSON, missing header field, too large): nothing recorded, HTTP 400.</summary>
    Malformed,

    /// <summary>The batch claims another tool than the credential it came with: nothing recorded, HTTP 403.</summary>
    Forbidden,
}
