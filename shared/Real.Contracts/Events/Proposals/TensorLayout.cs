namespace Real.Contracts.Events.Proposals;

/// <summary>Memory layout of the image tensor: "nchw" (PyTorch exports) or "nhwc" (TensorFlow exports).</summary>
public enum TensorLayout
{
    Nchw = 0,
    Nhwc = 1,
}
