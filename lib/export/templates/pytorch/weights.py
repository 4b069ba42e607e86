# Loads weights saved by GANvas (the tfjs layers format: model.json + weights.bin) into the
# models of models.py. Every weight must match: a missing, unexpected or wrongly shaped one raises.
import json
import os

import numpy as np
import torch

# tfjs weight -> (torch attribute, conversion), per tfjs layer kind.
CONVERSIONS = {
    "dense": {"kernel": ("weight", "transpose"), "bias": ("bias", None)},
    "conv2d": {"kernel": ("weight", "hwio_to_oihw"), "bias": ("bias", None)},
    "conv2dTranspose": {"kernel": ("weight", "hwio_to_oihw"), "bias": ("bias", None)},
    "batchNorm": {
        "gamma": ("weight", None),
        "beta": ("bias", None),
        "moving_mean": ("running_mean", None),
        "moving_variance": ("running_var", None),
    },
    "layerNorm": {"gamma": ("weight", None), "beta": ("bias", None)},
}

DTYPES = {"float32": np.dtype("<f4"), "int32": np.dtype("<i4")}


def convert(array, how):
    """A tfjs array in torch's layout."""
    if how == "transpose":
        # Dense: tfjs [in, out] -> nn.Linear [out, in].
        return array.T
    if how == "hwio_to_oihw":
        # Conv2D [k, k, in, out] -> [out, in, k, k]; Conv2DTranspose [k, k, out, in] -> [in, out, k, k].
        return array.transpose(3, 2, 0, 1)
    return array


def read_tfjs_weights(folder):
    """Every weight in folder/model.json's manifest, by name, as a numpy array."""
    with open(os.path.join(folder, "model.json"), encoding="utf-8") as f:
        manifest = json.load(f)["weightsManifest"]
    arrays = {}
    for group in manifest:
        data = b""
        for path in group["paths"]:
            with open(os.path.join(folder, path), "rb") as f:
                data += f.read()
        offset = 0
        for spec in group["weights"]:
            if spec["dtype"] not in DTYPES or "quantization" in spec:
                raise ValueError(f"weight {spec['name']!r} has dtype {spec['dtype']!r}; only float32 and int32 are read")
            dtype = DTYPES[spec["dtype"]]
            count = int(np.prod(spec["shape"], dtype=np.int64))
            if offset + count * dtype.itemsize > len(data):
                raise ValueError(f"weight {spec['name']!r} runs past the end of {group['paths']!r}")
            array = np.frombuffer(data, dtype=dtype, count=count, offset=offset)
            arrays[spec["name"]] = array.reshape(spec["shape"])
            offset += count * dtype.itemsize
        if offset != len(data):
            raise ValueError(f"{len(data) - offset} bytes of {group['paths']!r} belong to no weight in the manifest")
    return arrays


def expected_weights(model):
    """tfjs weight name -> (torch tensor, conversion) for every weight the model holds."""
    expected = {}
    for layer, (attribute, kind) in model.TFJS_LAYERS.items():
        module = getattr(model, attribute)
        for weight, (name, how) in CONVERSIONS[kind].items():
            target = getattr(module, name, None)
            if target is not None:
                expected[layer + "/" + weight] = (target, how)
    return expected


def load_tfjs_weights(model, folder):
    """Copies folder/model.json + weights.bin into model (a Generator or Discriminator of models.py)."""
    arrays = read_tfjs_weights(folder)
    expected = expected_weights(model)
    missing = sorted(set(expected) - set(arrays))
    unexpected = sorted(set(arrays) - set(expected))
    if missing or unexpected:
        raise ValueError(
            f"the weights in {folder!r} do not fit {type(model).__name__}: "
            f"missing {missing!r}, unexpected {unexpected!r}"
        )
    values = {}
    for name, (target, how) in expected.items():
        value = torch.from_numpy(np.ascontiguousarray(convert(arrays[name], how)))
        if tuple(value.shape) != tuple(target.shape):
            raise ValueError(
                f"weight {name!r} in {folder!r} has shape {list(arrays[name].shape)}, "
                f"which gives {list(value.shape)} but {type(model).__name__} needs {list(target.shape)}"
            )
        values[name] = value
    with torch.no_grad():
        for name, (target, _) in expected.items():
            target.copy_(values[name])
