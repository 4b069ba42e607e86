#!/usr/bin/env node
// Copies tfjs's wasm binaries to public/tfjs-wasm/ so the wasm backend can load them (setWasmPaths).
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const from = join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');
const to = join(root, 'public/tfjs-wasm');
mkdirSync(to, { recursive: true });
const files = readdirSync(from).filter((f) => f.endsWith('.wasm'));
for (const f of files) copyFileSync(join(from, f), join(to, f));
// The threaded build's Emscripten glue, unminified: its pthread workers load it (lib/train/backends.ts).
const glue = 'tfjs-backend-wasm-threaded-simd.js';
copyFileSync(join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/wasm-out', glue), join(to, glue));
files.push(glue);
console.log(`copied ${files.length} tfjs wasm files to public/tfjs-wasm/`);
