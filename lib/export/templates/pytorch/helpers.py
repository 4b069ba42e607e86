# The helpers that reproduce tfjs's conventions in torch. lib/export/pytorch/helpers.ts copies the
# regions a graph needs (with their dependencies) into models.py, init_like_tfjs always; the imports
# here are those models.py starts with.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


# region samePadding
def same_padding(length, kernel, stride):
    """TF's padding 'same' along one axis: (before, after); the odd extra cell goes after."""
    out = -(-length // stride)
    total = max((out - 1) * stride + kernel - length, 0)
    return total // 2, total - total // 2


def pad_same(x, kernel, stride, value=0.0):
    """Pads an NCHW tensor as tfjs's padding 'same' does before a conv or a pool."""
    top, bottom = same_padding(x.shape[2], kernel, stride)
    left, right = same_padding(x.shape[3], kernel, stride)
    return F.pad(x, (left, right, top, bottom), value=value)
# endregion


# region maxPool
def max_pool_tf(x, size, stride, padding):
    """tfjs maxPooling2d: padded cells never win."""
    if padding == "same":
        x = pad_same(x, size, stride, float("-inf"))
    return F.max_pool2d(x, size, stride)
# endregion


# region avgPool
def avg_pool_tf(x, size, stride, padding):
    """tfjs averagePooling2d: with padding 'same', padded cells are left out of each window's count."""
    if padding == "valid":
        return F.avg_pool2d(x, size, stride)
    ones = torch.ones_like(x[:, :1])
    total = F.avg_pool2d(pad_same(x, size, stride), size, stride)
    count = F.avg_pool2d(pad_same(ones, size, stride), size, stride)
    return total / count
# endregion


# region upsample
def resize_indices(size_in, size_out):
    """tfjs's resize with alignCorners and halfPixelCenters false: source = destination * in / out."""
    ratio = size_in / size_out
    low, high, frac = [], [], []
    for d in range(size_out):
        source = ratio * d
        floor = max(0, math.floor(source))
        low.append(floor)
        high.append(min(size_in - 1, math.ceil(source)))
        frac.append(source - floor)
    return low, high, frac


def upsample_tf(x, factor, interpolation):
    """tfjs upSampling2d on NCHW: nearest repeats pixels, bilinear uses the legacy source = destination / factor."""
    rows_low, rows_high, rows_frac = resize_indices(x.shape[2], x.shape[2] * factor)
    cols_low, cols_high, cols_frac = resize_indices(x.shape[3], x.shape[3] * factor)
    index = lambda values: torch.tensor(values, dtype=torch.long, device=x.device)
    if interpolation == "nearest":
        return x.index_select(2, index(rows_low)).index_select(3, index(cols_low))
    row_frac = torch.tensor(rows_frac, dtype=x.dtype, device=x.device).view(1, 1, -1, 1)
    col_frac = torch.tensor(cols_frac, dtype=x.dtype, device=x.device).view(1, 1, 1, -1)
    top = x.index_select(2, index(rows_low))
    bottom = x.index_select(2, index(rows_high))
    top_left = top.index_select(3, index(cols_low))
    bottom_left = bottom.index_select(3, index(cols_low))
    top = top_left + (top.index_select(3, index(cols_high)) - top_left) * col_frac
    bottom = bottom_left + (bottom.index_select(3, index(cols_high)) - bottom_left) * col_frac
    return top + (bottom - top) * row_frac
# endregion


# region convTranspose
class TfConvTranspose2d(nn.ConvTranspose2d):
    """nn.ConvTranspose2d sized like tfjs's conv2dTranspose: the full result, cropped (or zero-padded
    at the end) to in * stride ('same') or in * stride + max(kernel - stride, 0) ('valid'), bias last."""

    def __init__(self, in_channels, out_channels, kernel_size, stride, padding, bias=True):
        super().__init__(in_channels, out_channels, kernel_size, stride=stride, bias=bias)
        self.tf_padding = padding

    def forward(self, x):
        kernel = self.kernel_size[0]
        stride = self.stride[0]
        extra = max(kernel - stride, 0)
        start = extra // 2 if self.tf_padding == "same" else 0
        height = x.shape[2] * stride + (0 if self.tf_padding == "same" else extra)
        width = x.shape[3] * stride + (0 if self.tf_padding == "same" else extra)
        y = F.conv_transpose2d(x, self.weight, None, self.stride)
        y = y[:, :, start:start + height, start:start + width]
        y = F.pad(y, (0, width - y.shape[3], 0, height - y.shape[2]))
        if self.bias is not None:
            y = y + self.bias.view(1, -1, 1, 1)
        return y
# endregion


# region batchNorm
class TfBatchNorm(nn.Module):
    """tfjs batchNormalization over `axis` (the channels). momentum is torch's (1 - tfjs's); unlike
    nn.BatchNorm, the moving variance averages the biased batch variance, as tfjs does."""

    def __init__(self, channels, axis, momentum, eps, center=True, scale=True):
        super().__init__()
        self.axis = axis
        self.momentum = momentum
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(channels)) if scale else None
        self.bias = nn.Parameter(torch.zeros(channels)) if center else None
        self.register_buffer("running_mean", torch.zeros(channels))
        self.register_buffer("running_var", torch.ones(channels))

    def forward(self, x):
        x = x.movedim(self.axis, -1)
        if self.training:
            dims = tuple(range(x.dim() - 1))
            mean = x.mean(dims)
            var = x.var(dims, unbiased=False)
            with torch.no_grad():
                self.running_mean.lerp_(mean, self.momentum)
                self.running_var.lerp_(var, self.momentum)
        else:
            mean = self.running_mean
            var = self.running_var
        y = (x - mean) * torch.rsqrt(var + self.eps)
        if self.weight is not None:
            y = y * self.weight
        if self.bias is not None:
            y = y + self.bias
        return y.movedim(-1, self.axis)
# endregion


# region initLikeTfjs
def init_like_tfjs(module):
    """Glorot-uniform kernels and zero biases, as tfjs initialises Dense and convolution layers."""
    if isinstance(module, (nn.Linear, nn.Conv2d, nn.ConvTranspose2d)):
        nn.init.xavier_uniform_(module.weight)
        if module.bias is not None:
            nn.init.zeros_(module.bias)
# endregion
