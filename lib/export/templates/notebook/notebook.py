# The static code of the Jupyter notebook export (lib/export/notebook): one region per code cell
# or part of one. The notebook also takes models.py, weights.py and train.py's losses and steps
# regions from the PyTorch export; the lines below this comment and outside regions only let
# py_compile read the file.

# region imports
import math
import os
import struct
import warnings
from types import SimpleNamespace

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn.functional as F
from torch.optim.swa_utils import AveragedModel
# endregion


# region settings
# The settings of this run: edit them here, or set the environment variables before starting.
ITERATIONS = int(os.environ.get("GANVAS_ITERATIONS", 2000))
PLOT_EVERY = int(os.environ.get("GANVAS_PLOT_EVERY", 200))
BATCH_SIZE = int(os.environ.get("GANVAS_BATCH_SIZE", BATCH_SIZE))
# A folder with generator/ and discriminator/ from GANvas's weights download, unzipped ("" = start afresh).
WEIGHTS = os.environ.get("GANVAS_WEIGHTS", "")
# A folder to save every figure in as PNG as well ("" = only show them).
FIGURES = os.environ.get("GANVAS_FIGURES", "")
# Where the trained networks' state_dicts go.
OUT = os.environ.get("GANVAS_OUT", "checkpoints")
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
torch.manual_seed(SEED)
print(f"device {device}, {ITERATIONS} iterations, batch {BATCH_SIZE}, a plot every {PLOT_EVERY}")
# endregion


# region imageSources
class TorchvisionData(ImageData):
    """MNIST or Fashion-MNIST's training set from torchvision (downloads it once), scaled v / 127.5 - 1."""

    def __init__(self, name, device):
        import torchvision

        source = torchvision.datasets.MNIST if name == "mnist" else torchvision.datasets.FashionMNIST
        data = source(root="torchvision-data", train=True, download=True)
        images = data.data.unsqueeze(1).float() / 127.5 - 1
        self.images = images.contiguous().to(device)
        self.labels = data.targets.long().to(device) if CONDITIONAL else None


class FolderData(ImageData):
    """Every image in a folder, cover-cropped (centred) and scaled to DATA_SHAPE as GANvas does."""

    def __init__(self, folder, device):
        from PIL import Image

        height, width, channels = DATA_SHAPE
        names = sorted(n for n in os.listdir(folder) if n.lower().endswith((".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp")))
        if not names:
            raise FileNotFoundError(f"no images in {folder!r}")
        arrays = []
        for name in names:
            image = Image.open(os.path.join(folder, name)).convert("L" if channels == 1 else "RGB")
            scale = min(image.width / width, image.height / height)
            w, h = width * scale, height * scale
            left, top = (image.width - w) / 2, (image.height - h) / 2
            image = image.resize((width, height), Image.BILINEAR, box=(left, top, left + w, top + h))
            arrays.append(np.asarray(image, dtype=np.float32).reshape(height, width, channels))
        images = torch.from_numpy(np.stack(arrays) / 127.5 - 1).float()
        self.images = images.permute(0, 3, 1, 2).contiguous().to(device)
        self.labels = None


def load_data(args, device):
    """GANvas's packed file when it is there; else torchvision's MNIST / Fashion-MNIST, or IMAGE_FOLDER."""
    if os.path.exists(args.data):
        return ImageData(args.data, device)
    if TORCHVISION_SET is not None:
        return TorchvisionData(TORCHVISION_SET, device)
    if IMAGE_FOLDER is not None and os.path.isdir(IMAGE_FOLDER):
        return FolderData(IMAGE_FOLDER, device)
    where = f" nor a folder {IMAGE_FOLDER!r}" if IMAGE_FOLDER is not None else ""
    raise FileNotFoundError(f"there is no {args.data!r} beside the notebook{where}: download data.bin from GANvas's Export dialog")
# endregion


# region networks
data = load_data(ARGS, device)
generator = Generator().to(device)
discriminator = Discriminator().to(device)
print(f"G: {sum(p.numel() for p in generator.parameters()):,} parameters; D: {sum(p.numel() for p in discriminator.parameters()):,}")
# endregion


# region loadWeights
if WEIGHTS:
    load_tfjs_weights(generator, os.path.join(WEIGHTS, "generator"))
    load_tfjs_weights(discriminator, os.path.join(WEIGHTS, "discriminator"))
    print(f"loaded G and D from {WEIGHTS}")
else:
    print("WEIGHTS is empty: G and D start from fresh random weights, as in GANvas.")
# endregion


# region optimizers
average = weight_average(generator) if EMA_DECAY > 0 else None
if average is not None and WEIGHTS and os.path.isdir(os.path.join(WEIGHTS, "generator-average")):
    load_tfjs_weights(average.module, os.path.join(WEIGHTS, "generator-average"))
opt_g = torch.optim.Adam(generator.parameters(), lr=LR_G, betas=(BETA1_G, BETA2_G), eps=ADAM_EPS)
opt_d = torch.optim.Adam(discriminator.parameters(), lr=LR_D, betas=(BETA1_D, BETA2_D), eps=ADAM_EPS)
generator.train()
discriminator.train()
# What the plots draw: one entry per iteration.
history = {"iteration": [], "d_loss": [], "g_loss": [], "d_real": [], "d_fake": []}
# endregion


# region plots
def save_figure(fig, name):
    """Saves the figure as FIGURES/name.png when FIGURES is set, then shows it."""
    if FIGURES:
        os.makedirs(FIGURES, exist_ok=True)
        fig.savefig(os.path.join(FIGURES, name + ".png"), dpi=80)
    with warnings.catch_warnings():
        # Outside Jupyter (a non-interactive backend) there is nothing to show.
        warnings.simplefilter("ignore", UserWarning)
        plt.show()
    plt.close(fig)


def sampler():
    """The generator to sample from: G's weight average when there is one."""
    return average.module if average is not None else generator


@torch.no_grad()
def generated(net, n, labels=None):
    """n samples of net in inference mode (BatchNorm uses its running statistics), on the CPU."""
    was_training = net.training
    net.eval()
    x = generate(net, noise(n, device), labels if labels is not None else random_labels(n, device))
    net.train(was_training)
    return x.cpu()


def draw_samples(ax, net):
    """Images: a grid (one row per class for a conditional G); 1-D: histograms; 2-D: a scatter."""
    if len(DATA_SHAPE) == 3:
        rows, cols = (NUM_CLASSES, 8) if G_TAKES_LABEL else (6, 8)
        labels = None
        if G_TAKES_LABEL:
            labels = F.one_hot(torch.arange(rows, device=device).repeat_interleave(cols), NUM_CLASSES).float()
        x = generated(net, rows * cols, labels)
        channels, height, width = x.shape[1:]
        grid = x.reshape(rows, cols, channels, height, width).permute(0, 3, 1, 4, 2).reshape(rows * height, cols * width, channels)
        grid = ((grid + 1) / 2).clamp(0, 1).numpy()
        ax.imshow(grid[..., 0] if channels == 1 else grid, cmap="gray", vmin=0, vmax=1)
        ax.set_axis_off()
        return
    real = data.sample(2000)[0].cpu()
    fake = generated(net, 2000)
    if DATA_SHAPE == (1,):
        ax.hist(real[:, 0].numpy(), bins=60, density=True, alpha=0.5, label="data")
        ax.hist(fake[:, 0].numpy(), bins=60, density=True, alpha=0.5, label="G(z)")
    else:
        ax.scatter(real[:, 0].numpy(), real[:, 1].numpy(), s=2, alpha=0.3, label="data")
        ax.scatter(fake[:, 0].numpy(), fake[:, 1].numpy(), s=2, alpha=0.3, label="G(z)")
        ax.set_aspect("equal", "datalim")
    ax.legend(loc="upper right")


def plot_progress(history, iteration):
    """The losses, D(x) and D(G(z)), and samples of G, side by side."""
    fig, (losses, scores, samples) = plt.subplots(1, 3, figsize=(15, 4))
    steps = history["iteration"]
    losses.plot(steps, history["d_loss"], label="D loss")
    losses.plot(steps, history["g_loss"], label="G loss")
    losses.set_xlabel("iteration")
    losses.set_title("Losses")
    losses.legend()
    scores.plot(steps, history["d_real"], label="D(x)")
    scores.plot(steps, history["d_fake"], label="D(G(z))")
    if LOSS in ("minimax", "non-saturating"):
        scores.axhline(0.5, color="gray", linestyle="--", linewidth=1)
    scores.set_xlabel("iteration")
    scores.set_title("D(x) and D(G(z))")
    scores.legend()
    draw_samples(samples, sampler())
    samples.set_title(f"Samples at iteration {iteration}")
    fig.tight_layout()
    save_figure(fig, f"progress-{iteration:06d}")
# endregion


# region loop
# Runs ITERATIONS more iterations: run the cell again to train further.
first = history["iteration"][-1] + 1 if history["iteration"] else 1
last = first + ITERATIONS - 1
for iteration in range(first, last + 1):
    for _ in range(K):
        d_loss, d_real, d_fake = d_step(generator, discriminator, discriminator, opt_d, data, device)
    g_loss_value = g_step(generator, discriminator, opt_g, device)
    if average is not None:
        average.update_parameters(generator)
    for key, value in zip(history, (iteration, d_loss, g_loss_value, d_real, d_fake)):
        history[key].append(value)
    if iteration % PLOT_EVERY == 0 or iteration == last:
        print(f"iteration {iteration}: D loss {d_loss:.4f}, G loss {g_loss_value:.4f}, D(x) {d_real:.4f}, D(G(z)) {d_fake:.4f}")
        plot_progress(history, iteration)
# endregion


# region finish
os.makedirs(OUT, exist_ok=True)
torch.save(generator.state_dict(), os.path.join(OUT, "generator.pt"))
torch.save(discriminator.state_dict(), os.path.join(OUT, "discriminator.pt"))
if average is not None:
    # The generator to sample from: Generator().load_state_dict(torch.load("generator_average.pt")).
    torch.save(average.module.state_dict(), os.path.join(OUT, "generator_average.pt"))
print(f"saved the state_dicts in {OUT}")
fig, ax = plt.subplots(figsize=(6, 6))
draw_samples(ax, sampler())
ax.set_title("Samples of " + ("G's weight average" if average is not None else "G"))
save_figure(fig, "samples")
# endregion
