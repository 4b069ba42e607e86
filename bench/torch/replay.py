#!/usr/bin/env python3
"""Repeats the app's replay (bench/torch-replay.bench.ts) with an exported train.py, for the replay benchmark.

Usage: replay.py EXPORT_DIR REPLAY_DIR ITERATIONS DATA_FILE

Loads REPLAY_DIR/w (the app's starting weights, tfjs layers format) into the export's Generator and
Discriminator, then runs train.py's own d_step and g_step ITERATIONS times, with its noise, labels
and data sampling replaced by the draws the app made (idx.i32, z.f32, y.i32): the same batches in
the same order. Compares the first update with the app's (REPLAY_DIR/after1), samples G in eval mode
on zeval.f32 into samples-torch.f32, and prints one JSON line: the losses per iteration and
{worst, projection} for the first update.
"""

import json
import os
import sys

import numpy as np
import torch


def main():
    export_dir, replay_dir, iterations, data_file = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    sys.path.insert(0, export_dir)
    import train  # noqa: E402 (the export's folder is on the path only now)
    import weights  # noqa: E402

    torch.manual_seed(0)
    B, Z = train.BATCH_SIZE * train.PACK, train.NOISE_DIM
    read = lambda name, dtype: np.fromfile(os.path.join(replay_dir, name), dtype=dtype)  # noqa: E731
    idx = torch.from_numpy(read("idx.i32", "<i4").astype(np.int64))
    zs = torch.from_numpy(read("z.f32", "<f4").reshape(-1, Z))
    ys = torch.from_numpy(read("y.i32", "<i4").astype(np.int64))
    calls = {"noise": 0, "labels": 0, "iteration": 0}

    def noise(n, device):
        k = calls["noise"]
        calls["noise"] += 1
        return zs[k * B : k * B + n].to(device)

    def random_labels(n, device):
        if not train.CONDITIONAL:
            return None
        k = calls["labels"]
        calls["labels"] += 1
        return torch.nn.functional.one_hot(ys[k * B : k * B + n], train.NUM_CLASSES).float().to(device)

    train.noise = noise
    train.random_labels = random_labels
    data = train.ImageData(data_file, "cpu")

    class Replayed:
        def sample(self, n):
            it = calls["iteration"]
            pick = idx[it * B : it * B + n]
            labels = None if data.labels is None else torch.nn.functional.one_hot(data.labels[pick], train.NUM_CLASSES).float()
            return data.images[pick], labels

    generator, discriminator = train.Generator(), train.Discriminator()
    weights.load_tfjs_weights(generator, os.path.join(replay_dir, "w", "generator"))
    weights.load_tfjs_weights(discriminator, os.path.join(replay_dir, "w", "discriminator"))
    start = {k: v.clone() for net in (generator, discriminator) for k, v in prefixed(net).items()}
    opt_g = torch.optim.Adam(generator.parameters(), lr=train.LR_G, betas=(train.BETA1_G, train.BETA2_G), eps=train.ADAM_EPS)
    opt_d = torch.optim.Adam(discriminator.parameters(), lr=train.LR_D, betas=(train.BETA1_D, train.BETA2_D), eps=train.ADAM_EPS)
    generator.train()
    discriminator.train()
    losses, first = [], None
    for it in range(iterations):
        calls["iteration"] = it
        for _ in range(train.K):
            d_loss, _, _ = train.d_step(generator, discriminator, discriminator, opt_d, Replayed(), "cpu")
        g_loss = train.g_step(generator, discriminator, opt_g, "cpu")
        losses.append([d_loss, g_loss])
        if it == 0:
            first = compare_first(train, weights, replay_dir, start, generator, discriminator, min(train.LR_G, train.LR_D))

    generator.eval()
    with torch.no_grad():
        z = torch.from_numpy(read("zeval.f32", "<f4").reshape(-1, Z))
        y = None
        if train.G_TAKES_LABEL:
            y = torch.nn.functional.one_hot(torch.arange(z.shape[0]) % train.NUM_CLASSES, train.NUM_CLASSES).float()
        x = train.generate(generator, z, y)
    if x.dim() == 4:
        x = x.permute(0, 2, 3, 1)
    x.contiguous().numpy().astype("<f4").tofile(os.path.join(replay_dir, "samples-torch.f32"))
    print(json.dumps({"losses": losses, "first": first}))


def prefixed(net):
    name = type(net).__name__
    return {f"{name}.{k}": v for k, v in net.state_dict().items() if v.is_floating_point()}


def compare_first(train, weights, replay_dir, start, generator, discriminator, lr):
    """How the app's first update compares with PyTorch's, over every tensor that really moved."""
    app = {}
    for role, cls in (("generator", train.Generator), ("discriminator", train.Discriminator)):
        net = cls()
        weights.load_tfjs_weights(net, os.path.join(replay_dir, "after1", role))
        app.update(prefixed(net))
    ours = {**prefixed(generator), **prefixed(discriminator)}
    worst, dot, norm = 0.0, 0.0, 0.0
    for k, w0 in start.items():
        theirs = (ours[k] - w0).double()
        mine = (app[k] - w0).double()
        # A tensor whose gradient is zero in exact arithmetic (a bias right before batch norm)
        # moves by rounding noise only: left out, as it says nothing about the maths.
        if theirs.norm() < 1e-2 * lr * theirs.numel() ** 0.5:
            continue
        worst = max(worst, float((mine - theirs).norm() / theirs.norm()))
        dot += float((mine * theirs).sum())
        norm += float((theirs * theirs).sum())
    return {"worst": worst, "projection": dot / norm}


if __name__ == "__main__":
    main()
