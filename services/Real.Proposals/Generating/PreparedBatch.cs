namespace Real.Proposals.Generating;

/// <summary>Preprocessed tensors of up to one inference batch, back to back in a pooled buffer, with the images they belong to.</summary>
internal sealed record PreparedBatch(float[] Tensors, IReadOnlyList<string> Images, IReadOnlyList<ImageFailure> Failures);
