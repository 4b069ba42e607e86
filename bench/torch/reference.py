#!/usr/bin/env python3
"""PyTorch CPU reference for GANvas's training benchmark.

Builds the two preset GANs (lib/project/presets/mlp-gan-mnist.ts and dcgan-mnist.ts) with
torch.nn and times one GAN iteration (1 discriminator update on a fresh real batch and fresh
noise, then 1 generator update on fresh noise), batch 64, non-saturating losses with
BCEWithLogits, Adam(lr 2e-4, betas (0.5, 0.999)) per network. It answers "how fast would this
train in PyTorch on the same CPU", to put the tfjs numbers from `npm run bench` in context.

Layouts: the project is channels-last ([28, 28, 1]); here everything is NCHW ([1, 28, 28]).
tfjs 'same' padding for k4 s2 (28->14, 14->7) is padding=1 here, and Conv2DTranspose k4 s2
'same' (7->14, 14->28) is ConvTranspose2d(kernel 4, stride 2, padding 1). The flatten/reshape
element orders differ from tfjs (NCHW vs NHWC), which changes no shape, parameter or cost.

Usage: reference.py --model mlp|dcgan --threads N --iterations K --warmup W [--json]
Needs torch (Debian: `apt-get install -y python3-torch`, then run with /usr/bin/python3).
"""

import argparse
import json
import os
import statistics
import sys
import time


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", choices=["mlp", "dcgan"], required=True)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--iterations", type=int, default=50)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--json", action="store_true", help="print one JSON line on stdout, nothing else")
    args = ap.parse_args()
    if args.threads < 1 or args.iterations < 1 or args.warmup < 0:
        ap.error("--threads and --iterations must be >= 1, --warmup >= 0")
    return args


ARGS = parse_args()
# Debian's torch calls the system libblas.so.3 (BLAS_INFO=generic), which torch.set_num_threads
# does not reach: ConvTranspose2d, the conv backward passes and the dense layers run through its
# GEMM. Cap an OpenBLAS/BLIS pool to the same thread count (the library reads these when torch
# loads it). With 2+ threads, OpenBLAS's pthread pool and torch's OpenMP pool each spin-wait
# between calls and fight for the cores (measured: MLP 7.5 -> 38-54 ms/iteration at 2 threads on
# 2 cores), so OpenMP threads sleep instead of spinning unless the caller chose otherwise.
for var in ("OPENBLAS_NUM_THREADS", "BLIS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = str(ARGS.threads)
if ARGS.threads > 1:
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

try:
    import torch
    from torch import nn
except ImportError as err:  # The caller turns this into "skipped".
    print(f"torch is not importable from {sys.executable}: {err}", file=sys.stderr)
    sys.exit(3)

BATCH = 64
# tfjs BatchNormalization(momentum 0.99, epsilon 1e-3): PyTorch's momentum is 1 - tfjs's.
BN = dict(momentum=0.01, eps=1e-3)
# tfjs's Adam uses epsilon 1e-7 by default (PyTorch's default is 1e-8); match tfjs.
ADAM = dict(lr=2e-4, betas=(0.5, 0.999), eps=1e-7)

# Parameter counts from tfjs's model.countParams() for the same presets (BatchNorm counts
# gamma, beta, moving mean and moving variance).
EXPECTED = {
    "mlp": {"G": 109_456, "D": 100_609},
    "dcgan": {"G": 784_641, "D": 138_945},
}
NOISE_DIM = {"mlp": 64, "dcgan": 100}


class Reshape(nn.Module):
    def __init__(self, *shape):
        super().__init__()
        self.shape = shape

    def forward(self, x):
        return x.reshape(x.shape[0], *self.shape)


def build(model):
    if model == "mlp":
        g = nn.Sequential(
            nn.Linear(64, 128),
            nn.LeakyReLU(0.2),
            nn.Linear(128, 784),
            nn.Tanh(),
            Reshape(1, 28, 28),
        )
        d = nn.Sequential(
            nn.Flatten(),
            nn.Linear(784, 128),
            nn.LeakyReLU(0.2),
            nn.Linear(128, 1),
        )
    elif model == "dcgan":
        g = nn.Sequential(
            nn.Linear(100, 7 * 7 * 128, bias=False),
            nn.BatchNorm1d(7 * 7 * 128, **BN),
            nn.ReLU(),
            Reshape(128, 7, 7),
            nn.ConvTranspose2d(128, 64, kernel_size=4, stride=2, padding=1, bias=False),  # 7 -> 14
            nn.BatchNorm2d(64, **BN),
            nn.ReLU(),
            nn.ConvTranspose2d(64, 1, kernel_size=4, stride=2, padding=1),  # 14 -> 28
            nn.Tanh(),
        )
        d = nn.Sequential(
            nn.Conv2d(1, 64, kernel_size=4, stride=2, padding=1),  # 28 -> 14
            nn.LeakyReLU(0.2),
            nn.Conv2d(64, 128, kernel_size=4, stride=2, padding=1, bias=False),  # 14 -> 7
            nn.BatchNorm2d(128, **BN),
            nn.LeakyReLU(0.2),
            nn.Flatten(),
            nn.Linear(7 * 7 * 128, 1),
        )
    else:
        raise ValueError(f"unknown model {model!r}")
    return g, d


def count_params(net):
    """Parameters plus BatchNorm running mean/var, as tfjs's countParams() counts them."""
    n = sum(p.numel() for p in net.parameters())
    n += sum(b.numel() for name, b in net.named_buffers() if name.endswith(("running_mean", "running_var")))
    return n


def blas_library():
    """Which libblas.so.3 this process loaded (Debian alternatives): the reference one is slow."""
    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if "/" in line}
    except OSError:
        return "unknown"
    if any("libmkl" in os.path.basename(p) for p in paths):
        return "mkl"
    for path in sorted(paths):
        if os.path.basename(path).startswith("libblas.so"):
            real = os.path.realpath(path)
            for name in ("openblas", "blis", "atlas"):
                if name in real:
                    return name
            return "reference" if "/blas/" in real else real
    return "unknown"


def main():
    args = ARGS

    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(42)

    g, d = build(args.model)
    params = {"G": count_params(g), "D": count_params(d)}
    expected = EXPECTED[args.model]
    log = sys.stderr if args.json else sys.stdout
    print(f"{args.model}: params G {params['G']:,} (tfjs {expected['G']:,}), D {params['D']:,} (tfjs {expected['D']:,})", file=log)
    if params != expected:
        print(f"PARAMETER COUNT MISMATCH for {args.model}: torch {params} vs tfjs {expected}", file=sys.stderr)
        sys.exit(2)

    g.train()
    d.train()
    opt_g = torch.optim.Adam(g.parameters(), **ADAM)
    opt_d = torch.optim.Adam(d.parameters(), **ADAM)
    bce = nn.BCEWithLogitsLoss()
    ones = torch.ones(BATCH, 1)
    zeros = torch.zeros(BATCH, 1)
    z_dim = NOISE_DIM[args.model]

    def iteration():
        # Real data: uniform random tensors in [-1, 1]. This measures speed only; the
        # numbers say nothing about what the GAN learns.
        real = torch.rand(BATCH, 1, 28, 28) * 2 - 1

        # Discriminator: minimise BCE(D(x), 1) + BCE(D(G(z)), 0); G is not updated here.
        z = torch.randn(BATCH, z_dim)
        with torch.no_grad():
            fake = g(z)
        opt_d.zero_grad(set_to_none=True)
        loss_d = bce(d(real), ones) + bce(d(fake), zeros)
        loss_d.backward()
        opt_d.step()

        # Generator: minimise BCE(D(G(z)), 1) (non-saturating) with fresh noise; only G steps.
        z = torch.randn(BATCH, z_dim)
        opt_g.zero_grad(set_to_none=True)
        loss_g = bce(d(g(z)), ones)
        loss_g.backward()
        opt_g.step()
        return loss_d.item(), loss_g.item()  # .item() forces the work to finish

    for _ in range(args.warmup):
        iteration()
    times = []
    for _ in range(args.iterations):
        t0 = time.perf_counter()
        iteration()
        times.append((time.perf_counter() - t0) * 1000)

    result = {
        "model": args.model,
        "threads": args.threads,
        "ms_per_iteration_median": statistics.median(times),
        "ms_per_iteration_mean": statistics.fmean(times),
        "iterations": args.iterations,
        "torch_version": torch.__version__,
        "blas": blas_library(),
        "params": params,
    }
    if args.json:
        print(json.dumps(result), flush=True)
    else:
        print(f"{args.model} threads={args.threads}: median {result['ms_per_iteration_median']:.2f} ms/iteration, "
              f"mean {result['ms_per_iteration_mean']:.2f} ms over {args.iterations} (+{args.warmup} warm-up), torch {torch.__version__}, BLAS {result['blas']}")


if __name__ == "__main__":
    main()
