import { bi, type BiText } from '../i18n/bi';
import { CURRENT_VERSION } from './schema';

/**
 * One `up` step per version bump: `migrations[v]` turns a raw version-v document into a
 * version-(v+1) one. Steps see unvalidated JSON, so they must check before they touch.
 * Version 1 is the first released format, so the list starts empty.
 */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;
export const migrations: Readonly<Record<number, Migration>> = {};

export type MigrateResult = { ok: true; doc: Record<string, unknown> } | ({ ok: false } & BiText);

/** Lifts a raw document of any known version to `target`, one step at a time. */
export function migrate(
  doc: Record<string, unknown>,
  steps: Readonly<Record<number, Migration>> = migrations,
  target: number = CURRENT_VERSION,
): MigrateResult {
  const version = doc.version;
  if (version === undefined)
    return { ok: false, ...bi('the file has no "version"; is it a GANvas project?', '文件中没有 "version"；这是 GANvas 项目吗？') };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    const given = describe(version);
    return {
      ok: false,
      ...bi(
        `"version" must be a whole number from 1 to ${target}, not ${given}`,
        `"version" 必须是 1 到 ${target} 的整数，而不是 ${given}`,
      ),
    };
  }
  if (version > target) {
    return {
      ok: false,
      ...bi(
        `this project was saved by a newer GANvas (format ${version}); this one reads formats up to ${target}`,
        `这个项目由更新版本的 GANvas 保存（格式 ${version}）；当前版本最多只能读取格式 ${target}`,
      ),
    };
  }
  let current = doc;
  for (let v = version; v < target; v++) {
    const step = steps[v];
    if (!step) return { ok: false, ...bi(`no migration from format ${v} to ${v + 1}`, `没有从格式 ${v} 到格式 ${v + 1} 的迁移`) };
    current = { ...step(current), version: v + 1 };
  }
  return { ok: true, doc: current };
}

function describe(value: unknown): string {
  const s = typeof value === 'string' ? JSON.stringify(value.slice(0, 20)) : String(value);
  return s.length > 24 ? `${s.slice(0, 24)}…` : s;
}
