namespace Real.Contracts.Events.Proposals;

/// <summary>The order of colour channels in the input tensor: "rgb" (torchvision, timm) or "bgr" (Caffe-era models).</summary>
public enum ChannelOrder
{
    Rgb = 0,
    Bgr = 1,
}
