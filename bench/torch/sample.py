#!/usr/bin/env python3
"""Samples the generator that an exported GANvas train.py saved, for the image-quality benchmark.

Usage: sample.py EXPORT_DIR CHECKPOINT_DIR COUNT SEED OUT_FILE

Loads models.py and train.py from EXPORT_DIR (main() does not run), builds Generator(), loads
CHECKPOINT_DIR/generator_average.pt when train.py kept a weight average (as the app samples the
average), else generator.pt, and draws COUNT images in eval mode (BatchNorm on its moving
statistics, as the app's meter samples with training off) from train.py's own noise, seeded with
SEED; a conditional G is asked for class i mod 10 for sample i, as the meter asks. Writes them
channels-last ([COUNT, H, W, C], little-endian float32) to OUT_FILE and prints one JSON line.
"""

import json
import os
import sys

import torch


def main():
    export_dir, checkpoint_dir, count, seed, out_file = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    sys.path.insert(0, export_dir)
    import train  # noqa: E402 (the export's folder is on the path only now)

    generator = train.Generator()
    average = os.path.join(checkpoint_dir, "generator_average.pt")
    path = average if os.path.exists(average) else os.path.join(checkpoint_dir, "generator.pt")
    generator.load_state_dict(torch.load(path, map_location="cpu"))
    generator.eval()
    torch.manual_seed(seed)
    with torch.no_grad():
        z = train.noise(count, "cpu")
        y = None
        if train.CONDITIONAL:
            y = torch.nn.functional.one_hot(torch.arange(count) % train.NUM_CLASSES, train.NUM_CLASSES).float()
        x = train.generate(generator, z, y)
    if x.dim() == 4:
        x = x.permute(0, 2, 3, 1)
    x.contiguous().numpy().astype("<f4").tofile(out_file)
    print(json.dumps({"count": count, "shape": list(x.shape), "checkpoint": os.path.basename(path)}))


if __name__ == "__main__":
    main()
