import { z } from 'zod';
import { bi, type BiText } from '../i18n/bi';
import { issueText } from '../i18n/zod-issue';
import { layerSpec } from './layers';
import type { Params } from './types';

/** One inspector field, derived from a kind's zod params schema; its label is the spec's. */
export type ParamField =
  | { name: string; label: BiText; type: 'integer' | 'number'; min?: number; max?: number; nullable: boolean; defaultValue: unknown }
  | { name: string; label: BiText; type: 'boolean'; defaultValue: unknown }
  | { name: string; label: BiText; type: 'enum'; options: string[]; defaultValue: unknown }
  | { name: string; label: BiText; type: 'shape'; defaultValue: unknown };

function objectShape(kind: string): Record<string, z.ZodType> | null {
  const schema = layerSpec(kind)?.schema;
  return schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : null;
}

/** The fields of a kind's params form, in schema order. */
export function paramFields(kind: string): ParamField[] {
  const shape = objectShape(kind);
  const labels = layerSpec(kind)?.labels as Record<string, BiText> | undefined;
  if (!shape || !labels) return [];
  return Object.entries(shape).map(([name, field]) => {
    let inner: z.ZodType = field;
    let defaultValue: unknown;
    let nullable = false;
    if (inner instanceof z.ZodDefault) {
      defaultValue = inner.def.defaultValue;
      inner = inner.def.innerType as z.ZodType;
    }
    if (inner instanceof z.ZodNullable) {
      nullable = true;
      inner = inner.def.innerType as z.ZodType;
    }
    const label = labels[name] ?? { en: name, zh: name };
    if (inner instanceof z.ZodBoolean) return { name, label, type: 'boolean', defaultValue };
    if (inner instanceof z.ZodEnum) return { name, label, type: 'enum', options: inner.options.map(String), defaultValue };
    if (inner instanceof z.ZodArray) return { name, label, type: 'shape', defaultValue };
    const num = inner as z.ZodNumber;
    return {
      name,
      label,
      type: num.isInt ? 'integer' : 'number',
      min: Number.isFinite(num.minValue) ? (num.minValue ?? undefined) : undefined,
      max: Number.isFinite(num.maxValue) ? (num.maxValue ?? undefined) : undefined,
      nullable,
      defaultValue,
    };
  });
}

/** Every param of a kind at its default. */
export function defaultParams(kind: string): Params {
  const spec = layerSpec(kind);
  const parsed = spec?.schema.safeParse({});
  return parsed?.success ? (parsed.data as Params) : {};
}

/** Checks one param value; returns a message for the inspector in both languages, or null when it is valid. */
export function validateParam(kind: string, name: string, value: unknown): BiText | null {
  const field = objectShape(kind)?.[name];
  if (!field) return bi(`unknown param "${name}"`, `未知参数 "${name}"`);
  const result = field.safeParse(value, { reportInput: true });
  if (result.success) return null;
  const issue = result.error.issues[0];
  return issue ? issueText(issue) : bi('invalid value', '无效的值');
}

/** The few params worth showing on the node itself, e.g. "64 filters · 4×4 · s2 · same", in both languages (the kind's spec writes it). */
export function paramSummary(kind: string, params: Params): BiText {
  const spec = layerSpec(kind);
  return spec ? spec.summary({ ...defaultParams(kind), ...params }) : { en: '', zh: '' };
}
