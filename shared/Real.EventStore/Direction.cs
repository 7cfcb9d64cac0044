namespace Real.EventStore;

public enum Direction
{
    Forwards,
    Backwards,
}
