# train.py of the PyTorch export (lib/export/pytorch/train-py.ts): its header comment, then the
# header region, the settings as constants and the data section, the losses region, parse_args()
# and the steps and loop regions, separated by two blank lines. The notebook export
# (lib/export/notebook) takes the losses and steps regions too.
# region header
import argparse
import math
import os
import struct
import warnings

import numpy as np
import torch
import torch.distributed as dist
import torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel
from torch.optim.swa_utils import AveragedModel

from models import Discriminator, Generator
from weights import load_tfjs_weights

# The penalty's double backward leaves odd strides on size-1 dims; DDP warns, harmlessly.
warnings.filterwarnings("ignore", message="Grad strides do not match bucket view strides")
# endregion


# (The constants and the data section go here.)


# region losses
def d_loss_real(out):
    """D's loss on the logits of a real batch (the real half of GANvas's discriminatorLoss)."""
    if LOSS in ("minimax", "non-saturating"):
        target = 1 - LABEL_SMOOTHING
        return (target * F.softplus(-out) + (1 - target) * F.softplus(out)).mean()
    if LOSS == "least-squares":
        return 0.5 * ((out - (1 - LABEL_SMOOTHING)) ** 2).mean()
    if LOSS == "wasserstein-gp":
        return -out.mean()
    # hinge
    return torch.relu(1 - out).mean()


def d_loss_fake(out):
    """D's loss on the logits of a generated batch."""
    if LOSS in ("minimax", "non-saturating"):
        return F.softplus(out).mean()
    if LOSS == "least-squares":
        return 0.5 * (out ** 2).mean()
    if LOSS == "wasserstein-gp":
        return out.mean()
    # hinge
    return torch.relu(1 + out).mean()


def g_loss(out):
    """G's loss on D's logits for a generated batch."""
    if LOSS == "minimax":
        return (-F.softplus(out)).mean()
    if LOSS == "non-saturating":
        return F.softplus(-out).mean()
    if LOSS == "least-squares":
        return 0.5 * ((out - 1) ** 2).mean()
    # wasserstein-gp and hinge
    return -out.mean()


def gradient_penalty(critic, x_real, x_fake, y):
    """GRADIENT_PENALTY * E[(||grad D(x_hat)||_2 - 1)^2] on per-sample uniform interpolates x_hat."""
    eps = torch.rand([x_real.shape[0]] + [1] * (x_real.dim() - 1), device=x_real.device)
    mixed = (eps * x_real + (1 - eps) * x_fake).requires_grad_(True)
    (grad,) = torch.autograd.grad(discriminate(critic, mixed, y).sum(), mixed, create_graph=True)
    norm = torch.sqrt(grad.pow(2).flatten(1).sum(1) + 1e-12)
    return GRADIENT_PENALTY * ((norm - 1) ** 2).mean()


def score(out):
    """D's mean output as GANvas shows it: a probability where the loss defines one."""
    if LOSS in ("minimax", "non-saturating"):
        return torch.sigmoid(out).mean().item()
    return out.mean().item()
# endregion


# (parse_args() goes here.)


# region steps
def noise(n, device):
    if NOISE == "normal":
        return torch.randn(n, NOISE_DIM, device=device)
    return torch.rand(n, NOISE_DIM, device=device) * 2 - 1


def random_labels(n, device):
    if not CONDITIONAL:
        return None
    return F.one_hot(torch.randint(NUM_CLASSES, (n,), device=device), NUM_CLASSES).float()


def generate(g, z, y):
    """G(z), or G(z, y) with the one-hot labels y."""
    if G_TAKES_LABEL:
        return g(z, y)
    return g(z)


def pack(x):
    """PacGAN: [n * PACK, ...] -> [n, PACK * first feature axis, ...]: consecutive samples side by side
    (a point's coordinates, an image's channels, as GANvas packs them)."""
    if x is None or PACK == 1:
        return x
    return x.reshape(x.shape[0] // PACK, PACK * x.shape[1], *x.shape[2:])


def discriminate(d, x, y):
    """D(x), or D(x, y) with the one-hot labels y."""
    if D_TAKES_LABEL:
        return d(x, y)
    return d(x)


def d_step(g_net, d_net, critic, opt_d, data, device):
    """One D update on a fresh real batch and fresh noise; returns (loss, D(x), D(G(z)))."""
    opt_d.zero_grad(set_to_none=True)
    x_real, y_real = data.sample(BATCH_SIZE * PACK)
    y_fake = random_labels(BATCH_SIZE * PACK, device)
    with torch.no_grad():
        x_fake = generate(g_net, noise(BATCH_SIZE * PACK, device), y_fake)
    x_real, y_real, x_fake, y_fake = pack(x_real), pack(y_real), pack(x_fake), pack(y_fake)
    # Real and fake batches each get a forward and its own backward: DDP wants one backward per
    # forward, and tfjs normalises (BatchNorm) each batch on its own too.
    real_out = discriminate(d_net, x_real, y_real)
    loss_real = d_loss_real(real_out)
    loss_real.backward()
    fake_out = discriminate(d_net, x_fake, y_fake)
    loss_fake = d_loss_fake(fake_out)
    if LOSS == "wasserstein-gp":
        # The penalty runs the bare module (DDP cannot follow a double backward through its own
        # forward); its gradients join this backward, which DDP averages over the processes.
        loss_fake = loss_fake + gradient_penalty(critic, x_real, x_fake, y_fake)
    loss_fake.backward()
    opt_d.step()
    return (loss_real + loss_fake).item(), score(real_out), score(fake_out)


def g_step(g_net, critic, opt_g, device):
    """One G update on fresh noise (and random labels); returns the loss."""
    opt_g.zero_grad(set_to_none=True)
    y = random_labels(BATCH_SIZE * PACK, device)
    # D runs as the bare module: only G's gradients are averaged; the next d_step clears D's.
    loss = g_loss(discriminate(critic, pack(generate(g_net, noise(BATCH_SIZE * PACK, device), y)), pack(y)))
    loss.backward()
    opt_g.step()
    return loss.item()


def ema_decay_at(t):
    """The average's decay at iteration t (from 1): small at first, so the average soon leaves G's random start."""
    return min(EMA_DECAY, (1 + t) / (10 + t))


def weight_average(generator):
    """G's weight average over its parameters and buffers (BatchNorm's statistics too), as GANvas keeps it."""

    def step(average, current, t):
        if not average.is_floating_point():
            return current
        return average + (current - average) * (1 - ema_decay_at(int(t)))

    average = AveragedModel(generator, avg_fn=step, use_buffers=True)
    # AveragedModel's first update copies; after it, the update after iteration t sees t.
    average.update_parameters(generator)
    return average
# endregion


# region loop
def setup():
    """(rank, world size, device): joins torchrun's process group when started by torchrun."""
    world = int(os.environ.get("WORLD_SIZE", "1"))
    cuda = torch.cuda.is_available()
    if world == 1:
        return 0, 1, torch.device("cuda" if cuda else "cpu")
    local_rank = int(os.environ["LOCAL_RANK"])
    if cuda:
        torch.cuda.set_device(local_rank)
    dist.init_process_group("nccl" if cuda else "gloo")
    return dist.get_rank(), world, torch.device("cuda", local_rank) if cuda else torch.device("cpu")


def main():
    args = parse_args()
    rank, world, device = setup()
    # Each process draws its own batches.
    torch.manual_seed(args.seed + rank)
    data = load_data(args, device)
    generator = Generator().to(device)
    discriminator = Discriminator().to(device)
    if args.weights:
        load_tfjs_weights(generator, os.path.join(args.weights, "generator"))
        load_tfjs_weights(discriminator, os.path.join(args.weights, "discriminator"))
    average = weight_average(generator) if EMA_DECAY > 0 else None
    if average is not None and args.weights and os.path.isdir(os.path.join(args.weights, "generator-average")):
        load_tfjs_weights(average.module, os.path.join(args.weights, "generator-average"))
    g_net = generator
    d_net = discriminator
    if world > 1:
        # DDP starts every process from rank 0's weights and averages the gradients.
        devices = [device.index] if device.type == "cuda" else None
        g_net = DistributedDataParallel(generator, device_ids=devices)
        d_net = DistributedDataParallel(discriminator, device_ids=devices)
    opt_g = torch.optim.Adam(generator.parameters(), lr=LR_G, betas=(BETA1_G, BETA2_G), eps=ADAM_EPS)
    opt_d = torch.optim.Adam(discriminator.parameters(), lr=LR_D, betas=(BETA1_D, BETA2_D), eps=ADAM_EPS)
    generator.train()
    discriminator.train()
    for iteration in range(1, args.iterations + 1):
        for _ in range(K):
            d_loss, d_real, d_fake = d_step(g_net, d_net, discriminator, opt_d, data, device)
        g_loss_value = g_step(g_net, discriminator, opt_g, device)
        if average is not None:
            average.update_parameters(generator)
        if rank == 0 and (iteration % args.log_every == 0 or iteration == args.iterations):
            print(
                f"iteration {iteration}: D loss {d_loss:.4f}, G loss {g_loss_value:.4f}, "
                f"D(x) {d_real:.4f}, D(G(z)) {d_fake:.4f}",
                flush=True,
            )
    if rank == 0:
        os.makedirs(args.out, exist_ok=True)
        torch.save(generator.state_dict(), os.path.join(args.out, "generator.pt"))
        torch.save(discriminator.state_dict(), os.path.join(args.out, "discriminator.pt"))
        if average is not None:
            # The generator to sample from: Generator().load_state_dict(torch.load("generator_average.pt")).
            torch.save(average.module.state_dict(), os.path.join(args.out, "generator_average.pt"))
        print(f"saved generator.pt and discriminator.pt{' and generator_average.pt' if average is not None else ''} in {args.out}", flush=True)
    if world > 1:
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
# endregion
