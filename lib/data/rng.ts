/**
 * A small seeded PRNG so that a run's data order can be replayed from its seed. `Math.random`
 * cannot be seeded, and tfjs's own seeded ops cover only tensors, not the JS-side index picks.
 */
export interface Rng {
  /** Uniform in [0, 1), 32 bits of resolution. */
  next(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** The whole state, so that a run moved to another backend draws the same numbers on. */
  save(): RngState;
  load(state: RngState): void;
}

/** sfc32's four words and the Box-Muller spare. */
export interface RngState {
  words: [number, number, number, number];
  spare: number | null;
}

/** splitmix32: spreads a small or patterned seed over all four sfc32 state words. */
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
}

/**
 * sfc32 seeded through splitmix32. sfc32 rather than mulberry32 because mulberry32 has a single
 * 2^32 cycle and skips some outputs; sfc32 passes PractRand and is just as cheap.
 */
export function createRng(seed: number): Rng {
  const init = splitmix32(Math.trunc(seed));
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const u32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  // The first outputs still correlate with the seed words; the reference implementation discards them.
  for (let i = 0; i < 12; i++) u32();

  let spare: number | null = null;
  const next = () => u32() / 4294967296;
  return {
    next,
    normal() {
      if (spare !== null) {
        const z = spare;
        spare = null;
        return z;
      }
      // 1 - next() lies in (0, 1], so the log is finite.
      const r = Math.sqrt(-2 * Math.log(1 - next()));
      const theta = 2 * Math.PI * next();
      spare = r * Math.sin(theta);
      return r * Math.cos(theta);
    },
    int(n) {
      return Math.floor(next() * n);
    },
    save: () => ({ words: [a, b, c, d], spare }),
    load(state) {
      [a, b, c, d] = state.words;
      spare = state.spare;
    },
  };
}

/** A non-negative int32 seed drawn from `rng`, for tfjs random ops (`tf.randomNormal(..., seed)`). */
export function deriveSeed(rng: Rng): number {
  return rng.int(0x7fffffff);
}
