#!/usr/bin/python3
"""Builds the proposal tests' fixtures, deterministically: tiny ONNX classifiers, small test images and the
reference outputs the C# tests compare against.

Needs only Debian's python3-onnx and python3-numpy (run with /usr/bin/python3). Everything is seeded and
written byte-for-byte the same on every run, so the files' hashes are stable. No PIL, no torch: the images are
encoded here (PNG with zlib, baseline JPEG with a small encoder below) and the reference preprocessing is a
numpy re-statement of torchvision's Resize (bilinear/bicubic, antialias on or off) + CenterCrop + Normalize,
written independently of the C# implementation it checks.

Usage: make_onnx_models.py [--out DIR]   (default: tests/fixtures/generated/proposals beside this script)

Layout of DIR:
  models/tiny-{a,b,c}.onnx   conv(3->16, 3x3, stride 2) -> relu -> global average pool -> gemm(16->1000), logits
  models/tiny-probs.onnx     the same as tiny-a followed by softmax: outputs probabilities
  models/tiny-10.onnx        10 outputs, with models/tiny-10.classes.txt mapping them to ImageNet class indices
  models/bench-cnn.onnx      four stride-2 convolutions, ~50 M multiply-adds an image: the inference benchmark's model
  images/*.JPEG              ILSVRC2012_val_0000000{1..8}: 500x375 or 375x500 baseline JPEGs (quality 90)
  png/*.png                  the exact pixels of the JPEGs' sources, plus a grey and an RGBA image
  reference/*.f32            little-endian float32 arrays, shapes in reference/manifest.json
  predictions/*.npy|csv      predictions "made elsewhere" for the import tests
  reference/manifest.json    what is where, with shapes and sha256 of every model (written last: its presence, with
                             this script's sha256 in it, tells the tests the fixtures are complete and current)
"""

import argparse
import hashlib
import json
import os
import struct
import zlib

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

SEED = 20200608  # the ReaL paper's arXiv date; any fixed value would do
NUM_CLASSES = 1000
FEATURES = 16
IMAGE_NAMES = [f"ILSVRC2012_val_{i:08d}" for i in range(1, 9)]
# ImageNet classes the 10-output model predicts (its outputs 0..9 in this order): tench, goldfish, ... a spread.
TINY10_CLASSES = [0, 1, 130, 207, 281, 340, 388, 417, 812, 954]
MEAN = [0.485, 0.456, 0.406]
STD = [0.229, 0.224, 0.225]


# ---------------------------------------------------------------- models

def conv_features(rng, scale=1.0):
    w = rng.normal(0.0, 0.5, size=(FEATURES, 3, 3, 3)).astype(np.float32) * np.float32(scale)
    b = rng.normal(0.0, 0.1, size=(FEATURES,)).astype(np.float32)
    return w, b


def build_classifier(name, conv_w, conv_b, gemm_w, gemm_b, softmax=False):
    """conv(3x3, stride 2, pad 1) -> relu -> GAP -> flatten -> gemm (-> softmax). Input [batch,3,224,224]."""
    classes = gemm_w.shape[0]
    inits = [
        numpy_helper.from_array(conv_w, "conv.weight"),
        numpy_helper.from_array(conv_b, "conv.bias"),
        numpy_helper.from_array(gemm_w, "fc.weight"),
        numpy_helper.from_array(gemm_b, "fc.bias"),
    ]
    out_name = "probabilities" if softmax else "logits"
    nodes = [
        helper.make_node("Conv", ["input", "conv.weight", "conv.bias"], ["conv"], kernel_shape=[3, 3], strides=[2, 2], pads=[1, 1, 1, 1]),
        helper.make_node("Relu", ["conv"], ["relu"]),
        helper.make_node("GlobalAveragePool", ["relu"], ["pool"]),
        helper.make_node("Flatten", ["pool"], ["flat"], axis=1),
        helper.make_node("Gemm", ["flat", "fc.weight", "fc.bias"], ["logits" if not softmax else "fc"], transB=1),
    ]
    if softmax:
        nodes.append(helper.make_node("Softmax", ["fc"], ["probabilities"], axis=1))
    graph = helper.make_graph(
        nodes,
        name,
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["batch", 3, 224, 224])],
        [helper.make_tensor_value_info(out_name, TensorProto.FLOAT, ["batch", classes])],
        initializer=inits,
    )
    model = helper.make_model(graph, producer_name="real-tests", producer_version="1", opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


def forward(x, conv_w, conv_b, gemm_w, gemm_b, softmax=False):
    """The same network in float64 numpy: the reference the ONNX Runtime output is compared with."""
    n, c, h, w = x.shape
    xp = np.pad(x.astype(np.float64), ((0, 0), (0, 0), (1, 1), (1, 1)))
    oh, ow = (h + 2 - 3) // 2 + 1, (w + 2 - 3) // 2 + 1
    # im2col: columns ordered (c, ky, kx) like the weight tensor's flattening.
    cols = np.empty((n, c, 3, 3, oh, ow))
    for ky in range(3):
        for kx in range(3):
            cols[:, :, ky, kx] = xp[:, :, ky:ky + 2 * oh:2, kx:kx + 2 * ow:2]
    cols = cols.reshape(n, c * 9, oh * ow)
    conv = np.einsum("fk,nkp->nfp", conv_w.reshape(FEATURES, -1).astype(np.float64), cols) + conv_b[None, :, None]
    pooled = np.maximum(conv, 0.0).mean(axis=2)
    logits = pooled @ gemm_w.T.astype(np.float64) + gemm_b
    if softmax:
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)
    return logits


def build_bench_cnn(rng):
    """A small but not trivial CNN for the inference benchmark: four 3x3 stride-2 convolutions (3-16-32-64-128
    channels, relu) -> global average pool -> gemm(128->1000). About 50 M multiply-adds per 224x224 image."""
    channels = [3, 16, 32, 64, 128]
    inits, nodes, previous = [], [], "input"
    for i in range(4):
        fan_in = channels[i] * 9
        w = rng.normal(0, np.sqrt(2.0 / fan_in), size=(channels[i + 1], channels[i], 3, 3)).astype(np.float32)
        b = np.zeros(channels[i + 1], dtype=np.float32)
        inits += [numpy_helper.from_array(w, f"conv{i}.weight"), numpy_helper.from_array(b, f"conv{i}.bias")]
        nodes += [helper.make_node("Conv", [previous, f"conv{i}.weight", f"conv{i}.bias"], [f"conv{i}"], kernel_shape=[3, 3], strides=[2, 2], pads=[1, 1, 1, 1]),
                  helper.make_node("Relu", [f"conv{i}"], [f"relu{i}"])]
        previous = f"relu{i}"
    fc_w = rng.normal(0, 0.1, size=(NUM_CLASSES, channels[-1])).astype(np.float32)
    inits += [numpy_helper.from_array(fc_w, "fc.weight"), numpy_helper.from_array(np.zeros(NUM_CLASSES, dtype=np.float32), "fc.bias")]
    nodes += [helper.make_node("GlobalAveragePool", [previous], ["pool"]),
              helper.make_node("Flatten", ["pool"], ["flat"], axis=1),
              helper.make_node("Gemm", ["flat", "fc.weight", "fc.bias"], ["logits"], transB=1)]
    graph = helper.make_graph(nodes, "bench-cnn",
                              [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["batch", 3, 224, 224])],
                              [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", NUM_CLASSES])],
                              initializer=inits)
    model = helper.make_model(graph, producer_name="real-tests", producer_version="1", opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


# ---------------------------------------------------------------- images

def synth_image(rng, width, height):
    """A smooth, textured RGB image: low-frequency waves, a few solid shapes, mild noise (uint8 HxWx3)."""
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float64)
    img = np.zeros((height, width, 3))
    for ch in range(3):
        acc = np.full((height, width), rng.uniform(60, 190))
        for _ in range(3):
            fx, fy = rng.uniform(0.002, 0.03, size=2)
            phase = rng.uniform(0, 2 * np.pi)
            acc += rng.uniform(15, 45) * np.sin(2 * np.pi * (fx * xx + fy * yy) + phase)
        img[:, :, ch] = acc
    for _ in range(4):
        colour = rng.uniform(0, 255, size=3)
        cx, cy = rng.uniform(0, width), rng.uniform(0, height)
        r = rng.uniform(20, 90)
        mask = (xx - cx) ** 2 + (yy - cy) ** 2 < r * r
        img[mask] = colour
    x0, y0 = int(rng.uniform(0, width - 60)), int(rng.uniform(0, height - 60))
    img[y0:y0 + 50, x0:x0 + 70] = rng.uniform(0, 255, size=3)
    img += rng.normal(0, 3.0, size=img.shape)
    return np.clip(np.rint(img), 0, 255).astype(np.uint8)


def png_bytes(pixels):
    """Minimal PNG writer: 8-bit grey (HxW), RGB or RGBA (HxWx3/4), filter 0, fixed zlib level."""
    if pixels.ndim == 2:
        colour_type, channels = 0, 1
    else:
        channels = pixels.shape[2]
        colour_type = {3: 2, 4: 6}[channels]
    h, w = pixels.shape[:2]
    raw = b"".join(b"\x00" + pixels[y].tobytes() for y in range(h))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", w, h, 8, colour_type, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


ZIGZAG = np.array([
    0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21,
    28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61,
    54, 47, 55, 62, 63])
LUMA_Q = np.array([
    16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29,
    51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121,
    120, 101, 72, 92, 95, 98, 112, 100, 103, 99])
CHROMA_Q = np.array([17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26, 56, 99, 99, 99, 99, 99,
                     47, 66, 99, 99, 99, 99, 99, 99] + [99] * 32)


def jpeg_bytes(rgb, quality=90):
    """Baseline JPEG (JFIF, 4:4:4, one scan). The Huffman tables are canonical tables of our own (every DC
    category a 4-bit code, every AC symbol an 8-bit code) written into the file, which any decoder accepts;
    the quantisation tables are the usual IJG ones scaled for `quality`."""
    h, w, _ = rgb.shape
    scale = 5000 / quality if quality < 50 else 200 - 2 * quality
    qtabs = [np.clip((t * scale + 50) // 100, 1, 255).astype(np.int64) for t in (LUMA_Q, CHROMA_Q)]
    f = rgb.astype(np.float64)
    ycc = np.stack([
        0.299 * f[..., 0] + 0.587 * f[..., 1] + 0.114 * f[..., 2],
        -0.168736 * f[..., 0] - 0.331264 * f[..., 1] + 0.5 * f[..., 2] + 128,
        0.5 * f[..., 0] - 0.418688 * f[..., 1] - 0.081312 * f[..., 2] + 128,
    ], axis=-1) - 128.0
    ph, pw = -(-h // 8) * 8, -(-w // 8) * 8
    ycc = np.pad(ycc, ((0, ph - h), (0, pw - w), (0, 0)), mode="edge")
    k = np.arange(8)
    dct = np.sqrt(2 / 8) * np.cos((2 * k[None, :] + 1) * k[:, None] * np.pi / 16)
    dct[0] /= np.sqrt(2)
    by, bx = ph // 8, pw // 8
    blocks = ycc.reshape(by, 8, bx, 8, 3).transpose(0, 2, 4, 1, 3)  # by, bx, comp, 8, 8
    coef = np.einsum("ij,abcjk,lk->abcil", dct, blocks, dct).reshape(by, bx, 3, 64)[..., ZIGZAG]
    quant = np.stack([qtabs[0][ZIGZAG], qtabs[1][ZIGZAG], qtabs[1][ZIGZAG]])
    q = np.rint(coef / quant[None, None]).astype(np.int64)

    dc_symbols = list(range(12))
    ac_symbols = [0x00, 0xF0] + [(run << 4) | size for run in range(16) for size in range(1, 11)]
    dc_code = {s: (i, 4) for i, s in enumerate(dc_symbols)}
    ac_code = {s: (i, 8) for i, s in enumerate(ac_symbols)}

    bits, nbits, out = 0, 0, bytearray()

    def put(value, length):
        nonlocal bits, nbits
        bits = (bits << length) | (value & ((1 << length) - 1))
        nbits += length
        while nbits >= 8:
            byte = (bits >> (nbits - 8)) & 0xFF
            out.append(byte)
            if byte == 0xFF:
                out.append(0)
            nbits -= 8
        bits &= (1 << nbits) - 1

    def magnitude(v):
        size = int(abs(v)).bit_length()
        return size, (v if v >= 0 else v + (1 << size) - 1)

    pred = [0, 0, 0]
    for y in range(by):
        for x in range(bx):
            for c in range(3):
                block = q[y, x, c]
                diff = int(block[0]) - pred[c]
                pred[c] = int(block[0])
                size, val = magnitude(diff)
                put(*dc_code[size])
                if size:
                    put(val, size)
                run = 0
                nz = np.nonzero(block[1:])[0]
                last = 0
                for pos in nz:
                    run = pos - last
                    while run > 15:
                        put(*ac_code[0xF0])
                        run -= 16
                    size, val = magnitude(int(block[1 + pos]))
                    put(*ac_code[(run << 4) | size])
                    put(val, size)
                    last = pos + 1
                if last < 63:
                    put(*ac_code[0x00])
    if nbits:
        put((1 << (8 - nbits)) - 1, 8 - nbits)

    def segment(marker, payload):
        return struct.pack(">HH", marker, len(payload) + 2) + payload

    def dht(table_class, table_id, symbols, length):
        counts = [0] * 16
        counts[length - 1] = len(symbols)
        return segment(0xFFC4, bytes([(table_class << 4) | table_id]) + bytes(counts) + bytes(symbols))

    header = b"\xFF\xD8" + segment(0xFFE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
    for i, t in enumerate(qtabs):
        header += segment(0xFFDB, bytes([i]) + bytes(int(v) for v in t[ZIGZAG]))
    header += segment(0xFFC0, struct.pack(">BHHB", 8, h, w, 3) + bytes([1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1]))
    header += dht(0, 0, dc_symbols, 4) + dht(1, 0, ac_symbols, 8)
    header += segment(0xFFDA, bytes([3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0]))
    return header + bytes(out) + b"\xFF\xD9"


# ---------------------------------------------------------------- torchvision preprocessing, restated in numpy

def resized_size(width, height, shorter):
    """torchvision.transforms.functional._compute_resized_output_size for an int size: (new_w, new_h)."""
    short, long = (width, height) if width <= height else (height, width)
    new_short, new_long = shorter, int(shorter * long / short)
    return (new_short, new_long) if width <= height else (new_long, new_short)


def cubic(x, a):
    x = abs(x)
    if x < 1:
        return ((a + 2) * x - (a + 3)) * x * x + 1
    if x < 2:
        return (((x - 5) * x + 8) * x - 4) * a
    return 0.0


def weight_matrix(in_size, out_size, interpolation, antialias):
    """out_size x in_size matrix W such that resized = W @ source along one axis."""
    scale = in_size / out_size
    m = np.zeros((out_size, in_size))
    if antialias:
        # torch _upsample_{bilinear,bicubic}2d_aa, which follows PIL's ImagingResample (bicubic with a = -0.5).
        support0, filt = (1.0, lambda t: max(0.0, 1.0 - abs(t))) if interpolation == "bilinear" else (2.0, lambda t: cubic(t, -0.5))
        support = support0 * scale if scale >= 1 else support0
        invscale = 1.0 / scale if scale >= 1 else 1.0
        for o in range(out_size):
            center = scale * (o + 0.5)
            lo = max(int(center - support + 0.5), 0)
            hi = min(int(center + support + 0.5), in_size)
            ws = np.array([filt((j + lo - center + 0.5) * invscale) for j in range(hi - lo)])
            total = ws.sum()
            m[o, lo:hi] = ws / total if total != 0 else ws
        return m
    for o in range(out_size):
        src = scale * (o + 0.5) - 0.5
        if interpolation == "bilinear":
            # aten upsample_bilinear2d, align_corners=False: negative source coordinates clamp to 0.
            src = max(src, 0.0)
            i0 = int(src)
            i1 = i0 + 1 if i0 < in_size - 1 else i0
            l1 = src - i0
            m[o, i0] += 1.0 - l1
            m[o, i1] += l1
        else:
            # aten upsample_bicubic2d: a = -0.75, taps at floor(src)-1..+2 with indices clamped to the edge.
            i0 = int(np.floor(src))
            t = src - i0
            for d in (-1, 0, 1, 2):
                idx = min(max(i0 + d, 0), in_size - 1)
                m[o, idx] += cubic(t - d, -0.75)
    return m


def preprocess(rgb, shorter=256, crop=224, interpolation="bilinear", antialias=True):
    """Resize(shorter) + CenterCrop(crop) + ToTensor + Normalize(MEAN, STD): float32 3 x crop x crop (RGB, CHW)."""
    h, w, _ = rgb.shape
    new_w, new_h = resized_size(w, h, shorter)
    wy = weight_matrix(h, new_h, interpolation, antialias)
    wx = weight_matrix(w, new_w, interpolation, antialias)
    top = int(round((new_h - crop) / 2.0))
    left = int(round((new_w - crop) / 2.0))
    wy, wx = wy[top:top + crop], wx[left:left + crop]
    f = rgb.astype(np.float64)
    rows = np.einsum("oy,yxc->oxc", wy, f)          # vertical pass
    out = np.einsum("oxc,px->cop", rows, wx)        # horizontal pass
    out = (out / 255.0 - np.array(MEAN)[:, None, None]) / np.array(STD)[:, None, None]
    return out.astype(np.float32)


# ---------------------------------------------------------------- main

def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=os.path.join(here, "..", "fixtures", "generated", "proposals"))
    args = parser.parse_args()
    out = os.path.abspath(args.out)
    rng = np.random.default_rng(SEED)
    with open(os.path.abspath(__file__), "rb") as f:
        script_hash = sha256(f.read())
    manifest = {"script_sha256": script_hash, "seed": SEED, "mean": MEAN, "std": STD, "models": {}, "images": [], "preprocess": [], "logits": {}}

    # Three 1000-class models that share most of their weights, so their top-k overlap the way real models'
    # do (pooling with min_models = 2 then keeps some labels and drops others).
    shared_conv_w, shared_conv_b = conv_features(rng)
    shared_fc = rng.normal(0, 1.0, size=(NUM_CLASSES, FEATURES)).astype(np.float32)
    weights = {}
    for name, noise in (("tiny-a", 0.15), ("tiny-b", 0.3), ("tiny-c", 0.6)):
        conv_w = (shared_conv_w + rng.normal(0, 0.05, size=shared_conv_w.shape)).astype(np.float32)
        fc_w = (shared_fc + rng.normal(0, noise, size=shared_fc.shape)).astype(np.float32)
        fc_b = rng.normal(0, 0.05, size=NUM_CLASSES).astype(np.float32)
        weights[name] = (conv_w, shared_conv_b, fc_w, fc_b, False)
    weights["tiny-probs"] = weights["tiny-a"][:4] + (True,)
    conv10_w, conv10_b = conv_features(rng)
    weights["tiny-10"] = (conv10_w, conv10_b, rng.normal(0, 1.0, size=(10, FEATURES)).astype(np.float32),
                          rng.normal(0, 0.05, size=10).astype(np.float32), False)

    for name, (cw, cb, fw, fb, softmax) in weights.items():
        data = build_classifier(name, cw, cb, fw, fb, softmax).SerializeToString()
        write(os.path.join(out, "models", f"{name}.onnx"), data)
        manifest["models"][name] = {
            "file": f"models/{name}.onnx", "sha256": sha256(data), "input": "input",
            "output": "probabilities" if softmax else "logits", "classes": fw.shape[0],
            "kind": "probabilities" if softmax else "logits"}
    bench = build_bench_cnn(np.random.default_rng(SEED + 1)).SerializeToString()
    write(os.path.join(out, "models", "bench-cnn.onnx"), bench)
    manifest["models"]["bench-cnn"] = {"file": "models/bench-cnn.onnx", "sha256": sha256(bench), "input": "input",
                                       "output": "logits", "classes": NUM_CLASSES, "kind": "logits"}
    write(os.path.join(out, "models", "tiny-10.classes.txt"), "".join(f"{c}\n" for c in TINY10_CLASSES).encode())
    manifest["models"]["tiny-10"]["class_map"] = "models/tiny-10.classes.txt"

    # A fixed input batch and each model's output for it.
    batch = rng.normal(0, 1, size=(2, 3, 224, 224)).astype(np.float32)
    write(os.path.join(out, "reference", "input-batch.f32"), batch.astype("<f4").tobytes())
    manifest["input_batch"] = {"file": "reference/input-batch.f32", "shape": list(batch.shape)}
    for name, (cw, cb, fw, fb, softmax) in weights.items():
        ref = forward(batch, cw, cb, fw, fb, softmax).astype(np.float32)
        write(os.path.join(out, "reference", f"{name}.batch-output.f32"), ref.astype("<f4").tobytes())
        manifest["logits"][name] = {"file": f"reference/{name}.batch-output.f32", "shape": list(ref.shape)}

    # Images: JPEGs in images/ (what a user points `propose` at) and their exact pixels as PNG in png/.
    sources = {}
    for i, stem in enumerate(IMAGE_NAMES):
        w, h = (375, 500) if i in (2, 5) else (500, 375)
        rgb = synth_image(rng, w, h)
        sources[stem] = rgb
        write(os.path.join(out, "images", f"{stem}.JPEG"), jpeg_bytes(rgb))
        write(os.path.join(out, "png", f"{stem}.png"), png_bytes(rgb))
        manifest["images"].append({"name": f"{stem}.JPEG", "png": f"png/{stem}.png", "width": w, "height": h})
    grey = synth_image(rng, 320, 240)[..., 1]
    write(os.path.join(out, "png", "grey.png"), png_bytes(grey))
    rgba = np.concatenate([synth_image(rng, 300, 260), rng.integers(0, 256, size=(260, 300, 1), dtype=np.uint8)], axis=2)
    write(os.path.join(out, "png", "rgba.png"), png_bytes(rgba))
    odd = synth_image(rng, 257, 231)  # odd sizes: the centre crop's rounding and an upscale (231 -> 256)
    write(os.path.join(out, "png", "odd.png"), png_bytes(odd))

    # Reference tensors for preprocessing: each PNG under each interpolation mode.
    cases = [(stem, sources[stem]) for stem in IMAGE_NAMES[:3]] + [
        ("grey", np.repeat(grey[..., None], 3, axis=2)), ("rgba", rgba[..., :3]), ("odd", odd)]
    for stem, rgb in cases:
        for interpolation in ("bilinear", "bicubic"):
            for antialias in (False, True):
                tensor = preprocess(rgb, 256, 224, interpolation, antialias)
                tag = f"{stem}.{interpolation}{'-aa' if antialias else ''}"
                write(os.path.join(out, "reference", f"{tag}.f32"), tensor.astype("<f4").tobytes())
                manifest["preprocess"].append({
                    "png": f"png/{stem}.png", "resize": 256, "crop": 224, "interpolation": interpolation,
                    "antialias": antialias, "file": f"reference/{tag}.f32", "shape": list(tensor.shape)})

    # The whole pipeline for tiny-a on the JPEGs' sources (bilinear, antialias): logits per image.
    cw, cb, fw, fb, _ = weights["tiny-a"]
    pipeline = np.stack([preprocess(sources[s]) for s in IMAGE_NAMES])
    pipeline_logits = forward(pipeline, cw, cb, fw, fb).astype(np.float32)
    write(os.path.join(out, "reference", "tiny-a.images.logits.f32"), pipeline_logits.astype("<f4").tobytes())
    manifest["image_logits"] = {"model": "tiny-a", "file": "reference/tiny-a.images.logits.f32",
                                "shape": list(pipeline_logits.shape), "images": [f"{s}.JPEG" for s in IMAGE_NAMES],
                                "interpolation": "bilinear", "antialias": True}

    # Predictions "made elsewhere": .npy logits (float32 and float16) and a top-5 CSV, in validation-file order.
    os.makedirs(os.path.join(out, "predictions"), exist_ok=True)
    np.save(os.path.join(out, "predictions", "tiny-b.logits.npy"), forward(pipeline, *weights["tiny-b"][:4]).astype("<f4"))
    np.save(os.path.join(out, "predictions", "tiny-c.logits.f16.npy"), forward(pipeline, *weights["tiny-c"][:4]).astype("<f2"))
    logits_c = forward(pipeline, *weights["tiny-c"][:4])
    probs_c = np.exp(logits_c - logits_c.max(axis=1, keepdims=True))
    probs_c /= probs_c.sum(axis=1, keepdims=True)
    rows = ["file,label,score"]
    for stem, p in zip(IMAGE_NAMES, probs_c):
        for label in np.argsort(-p, kind="stable")[:5]:
            rows.append(f"{stem}.JPEG,{int(label)},{p[label]:.6f}")
    write(os.path.join(out, "predictions", "tiny-c.top5.csv"), ("\n".join(rows) + "\n").encode())
    manifest["predictions"] = {"npy_float32": "predictions/tiny-b.logits.npy", "npy_float16": "predictions/tiny-c.logits.f16.npy",
                               "csv_top5": "predictions/tiny-c.top5.csv", "images": [f"{s}.JPEG" for s in IMAGE_NAMES]}

    write(os.path.join(out, "reference", "manifest.json"), (json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode())
    print(f"wrote {len(manifest['models'])} models, {len(IMAGE_NAMES)} JPEGs and references to {out}")


if __name__ == "__main__":
    main()
