namespace Real.Contracts;

/// <summary>Crowd raters feed aggregation; experts answer golden questions used to evaluate label sets.</summary>
public enum RaterRole
{
    Crowd = 0,
    Expert = 1,
}
