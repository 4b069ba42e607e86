import { CURRENT_VERSION } from './schema';

/**
 * One `up` step per version bump: `migrations[v]` turns a raw version-v document into a
 * version-(v+1) one. Steps see unvalidated JSON, so they must check before they touch.
 * Version 1 is the first released format, so the list starts empty.
 */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;
export const migrations: Readonly<Record<number, Migration>> = {};

export type MigrateResult = { ok: true; doc: Record<string, unknown> } | { ok: false; message: string };

/** Lifts a raw document of any known version to `target`, one step at a time. */
export function migrate(
  doc: Record<string, unknown>,
  steps: Readonly<Record<number, Migration>> = migrations,
  target: number = CURRENT_VERSION,
): MigrateResult {
  const version = doc.version;
  if (version === undefined) return { ok: false, message: 'the file has no "version"; is it a GANvas project?' };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, message: `"version" must be a whole number from 1 to ${target}, not ${describe(version)}` };
  }
  if (version > target) {
    return { ok: false, message: `this project was saved by a newer GANvas (format ${version}); this one reads formats up to ${target}` };
  }
  let current = doc;
  for (let v = version; v < target; v++) {
    const step = steps[v];
    if (!step) return { ok: false, message: `no migration from format ${v} to ${v + 1}` };
    current = { ...step(current), version: v + 1 };
  }
  return { ok: true, doc: current };
}

function describe(value: unknown): string {
  const s = typeof value === 'string' ? JSON.stringify(value.slice(0, 20)) : String(value);
  return s.length > 24 ? `${s.slice(0, 24)}…` : s;
}
