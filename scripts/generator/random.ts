/**
 * Seeded pseudo-random numbers for the workbook generator.
 *
 * mulberry32 (Tommy Ettinger, public domain) — a tiny 32-bit generator, good enough for
 * synthetic data and fully deterministic across platforms. Sub-streams are derived from
 * the seed and a label with a string hash, so that e.g. changing the number of roadmap
 * events does not shift the results of the schools.
 */

/** 32-bit FNV-1a hash of a string mixed with a seed. */
export function hashSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // final avalanche (murmur3 fmix32)
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A new independent stream for a labelled part of the data. */
  static derive(seed: number, ...labels: (string | number)[]): Rng {
    return new Rng(hashSeed(seed, labels.join("/")));
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform float in [min, max). */
  float(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)];
  }

  /** Fisher–Yates on a copy. */
  shuffle<T>(items: readonly T[]): T[] {
    const a = items.slice();
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }

  /** Standard normal (Box–Muller). */
  normal(mean = 0, sd = 1): number {
    let u = this.next();
    while (u <= 1e-12) u = this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Binomial(n, p) by counting (n is small here: a class or a school). */
  binomial(n: number, p: number): number {
    if (p <= 0 || n <= 0) return 0;
    if (p >= 1) return n;
    if (n > 400) {
      // normal approximation for big n keeps large benchmarks fast
      const x = Math.round(this.normal(n * p, Math.sqrt(n * p * (1 - p))));
      return Math.min(n, Math.max(0, x));
    }
    let k = 0;
    for (let i = 0; i < n; i++) if (this.next() < p) k++;
    return k;
  }

  /** Multinomial(n, probs): counts that sum to n. */
  multinomial(n: number, probs: readonly number[]): number[] {
    const counts = new Array<number>(probs.length).fill(0);
    let remaining = n;
    let rest = probs.reduce((s, p) => s + p, 0);
    for (let i = 0; i < probs.length - 1 && remaining > 0; i++) {
      const p = rest > 0 ? Math.min(1, Math.max(0, probs[i] / rest)) : 0;
      const k = this.binomial(remaining, p);
      counts[i] = k;
      remaining -= k;
      rest -= probs[i];
    }
    counts[probs.length - 1] += remaining;
    return counts;
  }
}

/**
 * Deterministic counts for shares: largest-remainder rounding of n·shares, so the counts
 * sum to n exactly. Used for planted schools, whose numbers must cross thresholds on purpose.
 */
export function allocate(n: number, shares: readonly number[]): number[] {
  const total = shares.reduce((s, p) => s + p, 0);
  const raw = shares.map((p) => (total > 0 ? (n * p) / total : 0));
  const counts = raw.map((x) => Math.floor(x));
  let left = n - counts.reduce((s, c) => s + c, 0);
  const order = raw
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) counts[order[k].i]++;
  return counts;
}

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
