namespace Real.Contracts;

/// <summary>
/// What a rating is for. Crowd ratings feed aggregation. Expert ratings answer golden questions and are the
/// reference label sets are evaluated against. Control ratings are crowd raters' answers to control (golden)
/// questions asked outside the rating campaign, as in the ReaL study's raters_golden.npz: they grade raters against
/// the experts and never feed aggregation, so every question keeps the votes the campaign collected for it.
/// </summary>
public enum RaterRole
{
    Crowd = 0,
    Expert = 1,
    Control = 2,
}
