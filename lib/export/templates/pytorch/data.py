# The classes of train.py that draw real batches (lib/export/pytorch/data-py.ts): train.py gets
# the mixture region, or the images and imagesLoad regions, after the constants (and
# mixture_modes()) it generates for the dataset. Either defines load_data(args, device).
import struct

import numpy as np
import torch
import torch.nn.functional as F


# region mixture
class MixtureData:
    """A mixture of Gaussians: a uniformly chosen mode plus Gaussian noise of MODE_STD on each axis."""

    def __init__(self, device):
        self.modes = torch.tensor(mixture_modes(), dtype=torch.float32, device=device)

    def sample(self, n):
        pick = torch.randint(len(self.modes), (n,), device=self.modes.device)
        x = self.modes[pick] + MODE_STD * torch.randn(n, self.modes.shape[1], device=self.modes.device)
        return x, None


def load_data(args, device):
    return MixtureData(device)
# endregion


# region images
class ImageData:
    """A GANV image set (GANvas lib/data/image-set.ts): pixels scaled v / 127.5 - 1, held NCHW."""

    def __init__(self, path, device):
        with open(path, "rb") as f:
            raw = f.read()
        if len(raw) < 16 or raw[:4] != b"GANV":
            raise ValueError(f"{path!r} is not a GANvas image set (no GANV header)")
        version, channels, num_classes, count, height, width = struct.unpack_from("<HBBIHH", raw, 4)
        pixels_end = 16 + count * height * width * channels
        size = pixels_end + (count if num_classes > 0 else 0)
        if version != 1 or len(raw) != size:
            raise ValueError(f"{path!r}: version {version}, {len(raw)} bytes; expected version 1 and {size} bytes")
        if (height, width, channels) != DATA_SHAPE:
            raise ValueError(f"{path!r} holds {height}x{width}x{channels} images but the models take {DATA_SHAPE}")
        if CONDITIONAL and num_classes != NUM_CLASSES:
            raise ValueError(f"{path!r} has {num_classes} classes but the models take {NUM_CLASSES}")
        pixels = np.frombuffer(raw, np.uint8, count * height * width * channels, 16)
        images = torch.from_numpy(pixels.reshape(count, height, width, channels).astype(np.float32) / 127.5 - 1)
        self.images = images.permute(0, 3, 1, 2).contiguous().to(device)
        self.labels = None
        if CONDITIONAL:
            labels = np.frombuffer(raw, np.uint8, count, pixels_end).astype(np.int64)
            self.labels = torch.from_numpy(labels).to(device)

    def sample(self, n):
        pick = torch.randint(len(self.images), (n,), device=self.images.device)
        if self.labels is None:
            return self.images[pick], None
        return self.images[pick], F.one_hot(self.labels[pick], NUM_CLASSES).float()
# endregion


# region imagesLoad
def load_data(args, device):
    return ImageData(args.data, device)
# endregion
