import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { paramFields, paramSummary } from '@/lib/compiler/form';
import { LAYERS } from '@/lib/compiler/layers';
import type { LayerCategory } from '@/lib/compiler/types';
import { MESSAGES } from '@/lib/i18n/messages';
import { LAYER_KINDS } from '@/lib/project/kinds';

type Tree = { [key: string]: string | Tree };

/** Every message as `path -> text`, e.g. `header.save -> "Save"`. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const ARGUMENT_KIND: Partial<Record<TYPE, string>> = {
  [TYPE.argument]: 'text',
  [TYPE.number]: 'number',
  [TYPE.date]: 'date',
  [TYPE.time]: 'time',
  [TYPE.select]: 'select',
  [TYPE.plural]: 'plural',
  [TYPE.tag]: 'tag',
};

/** The arguments a message takes, as "name:kind" (nested ones in plural/select branches too). */
function argumentsOf(ast: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const el of ast) {
    const kind = ARGUMENT_KIND[el.type];
    if (kind && 'value' in el && typeof el.value === 'string') found.add(`${el.value}:${kind}`);
    if (el.type === TYPE.plural || el.type === TYPE.select)
      for (const option of Object.values(el.options)) argumentsOf(option.value, found);
    if (el.type === TYPE.tag) argumentsOf(el.children, found);
  }
  return found;
}

/** The option keys of select arguments: a select must offer the same cases in every language. */
function selectCases(ast: MessageFormatElement[]): string[] {
  return ast.flatMap((el) => (el.type === TYPE.select ? [`${el.value}:${Object.keys(el.options).sort().join('|')}`] : []));
}

const en = flatten(MESSAGES.en as Tree);
const zh = flatten(MESSAGES.zh as Tree);

// Messages that are the same in both languages on purpose: names, symbols and commands.
const SAME_IN_BOTH = new Set(['export.runPyTorch']);
const HAS_CJK = /[\u3400-\u9fff]/;

describe('message files', () => {
  it('have exactly the same keys in en and zh', () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it('parse as ICU messages with the same arguments in both languages', () => {
    for (const [key, text] of en) {
      const enAst = parse(text);
      const zhAst = parse(zh.get(key) ?? '');
      expect([...argumentsOf(zhAst)].sort(), key).toEqual([...argumentsOf(enAst)].sort());
      expect(selectCases(zhAst), key).toEqual(selectCases(enAst));
    }
  });

  it('count with ICU plurals, not with English suffixes', () => {
    expect(en.get('canvas.errors')).toContain('{count, plural,');
    expect(en.get('training.fixErrors')).toContain('{count, plural,');
    expect(en.get('problems.summary')).toMatch(/\{errors, plural,.*\{warnings, plural,/);
  });

  it('have no empty zh message, and none left in English', () => {
    for (const [key, text] of zh) {
      expect(text.trim(), key).not.toBe('');
      if (SAME_IN_BOTH.has(key)) continue;
      expect(text, `${key} is still the English text`).not.toBe(en.get(key));
      expect(HAS_CJK.test(text), `${key} has no Chinese: ${text}`).toBe(true);
    }
  });
});

describe('texts that live beside the code', () => {
  it('every layer kind has a zh title and doc, in Chinese', () => {
    for (const kind of LAYER_KINDS) {
      const spec = LAYERS[kind];
      expect(spec.title.zh.trim(), kind).not.toBe('');
      expect(HAS_CJK.test(spec.title.zh), `${kind} title`).toBe(true);
      expect(HAS_CJK.test(spec.doc.zh), `${kind} doc`).toBe(true);
    }
  });

  it('every palette category has a name in both languages', () => {
    const categories = new Set<LayerCategory>(LAYER_KINDS.map((k) => LAYERS[k].category));
    for (const category of categories) {
      expect(en.get(`palette.categories.${category}`), category).toBeTruthy();
      expect(HAS_CJK.test(zh.get(`palette.categories.${category}`) ?? ''), category).toBe(true);
    }
  });

  it('every param of every kind has an inspector label in both languages, from its spec', () => {
    for (const kind of LAYER_KINDS) {
      for (const field of paramFields(kind)) {
        expect(field.label.en, `${kind}.${field.name}`).toMatch(/^[a-z][a-z ]*$/);
        expect(HAS_CJK.test(field.label.zh) || /^[α-ωε]/.test(field.label.zh), `${kind}.${field.name}: ${field.label.zh}`).toBe(true);
      }
    }
  });

  it('every kind’s summary is in both languages, and at its defaults the two carry the same numbers', () => {
    for (const kind of LAYER_KINDS) {
      const summary = paramSummary(kind, {});
      expect(summary.en.match(/\d+/g) ?? [], kind).toEqual(summary.zh.match(/\d+/g) ?? []);
    }
  });
});
