namespace Real.EventStore.Storage;

/// <summary>
/// Decodes metadata while reading a page of events. Events appended together usually carry the same metadata, so
/// the last decoded value (and its byte array) is reused when the next event's bytes are identical: no JSON parse
/// and no allocation for such events. One instance per read; not thread-safe.
/// </summary>
internal sealed class MetadataDecoder
{
    private byte[]? _lastBytes;
    private EventMetadata _lastValue = EventMetadata.Empty;

    /// <summary>Decodes <paramref name="bytes"/>; returns the stored bytes to keep (shared with the previous event when equal).</summary>
    public (EventMetadata Metadata, byte[] Stored) Decode(ReadOnlySpan<byte> bytes)
    {
        if (_lastBytes is not null && bytes.SequenceEqual(_lastBytes))
        {
            return (_lastValue, _lastBytes);
        }

        _lastValue = EventMetadataCodec.Decode(bytes);
        _lastBytes = bytes.ToArray();
        return (_lastValue, _lastBytes);
    }
}
