import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueText, zodMessage } from '@/lib/i18n/zod-issue';
import { expectSameInChinese } from '../helpers/bilingual';

/** The issues of parsing `value`, in both languages. */
function texts(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value, { reportInput: true });
  return result.success ? [] : result.error.issues.map(issueText);
}

describe('issueText', () => {
  it("keeps zod's English and takes zod's zh-CN where it reads well", () => {
    expect(texts(z.enum(['a', 'b']), 'c')).toEqual([
      { en: 'Invalid option: expected one of "a"|"b"', zh: '无效选项：期望以下之一 "a"|"b"' },
    ]);
    expect(texts(z.number().multipleOf(4), 6)[0]!.zh).toBe('无效数字：必须是 4 的倍数');
    expect(texts(z.strictObject({}), { x: 1 })[0]!.zh).toBe('出现未知的键(key): "x"');
    expect(texts(z.string().regex(/^a+$/), 'b')[0]!.zh).toBe('无效字符串：必须满足正则表达式 /^a+$/');
  });

  it('writes its own Chinese where zh-CN would leave English in: types, sizes, discriminated unions', () => {
    expect(texts(z.number(), 'x')[0]!.zh).toBe('类型不对：应为数字，收到的是文本');
    expect(texts(z.string(), null)[0]!.zh).toBe('类型不对：应为文本，收到的是 null');
    expect(texts(z.string().max(3), 'abcd')[0]!.zh).toBe('太长：最多 3 个字符');
    expect(texts(z.number().min(2), 1)[0]!.zh).toBe('太小：应 ≥ 2');
    const union = z.discriminatedUnion('kind', [z.object({ kind: z.literal('a') }), z.object({ kind: z.literal('b') })]);
    expect(texts(union, { kind: 'c' })[0]!.zh).toBe("kind 的值不对：应为 'a' | 'b'");
  });

  it("uses the schema's own Chinese for custom messages", () => {
    expect(texts(z.string().min(1, zodMessage('a name is needed', '需要一个名字')), '')[0]).toEqual({
      en: 'a name is needed',
      zh: '需要一个名字',
    });
    expect(
      texts(
        z.number().refine((n) => n > 0, { message: 'must be positive', params: { zh: '必须为正' } }),
        -1,
      )[0]!.zh,
    ).toBe('必须为正');
  });

  it('says the same in both languages', () => {
    const schemas: [z.ZodType, unknown][] = [
      [z.enum(['x', 'y']), 'z'],
      [z.array(z.number()).max(2), [1, 2, 3]],
      [z.strictObject({ a: z.number() }), { a: 1, b: 2 }],
      [z.string().length(5), 'abc'],
    ];
    for (const [schema, value] of schemas) for (const t of texts(schema, value)) expectSameInChinese(t.en, t.zh);
  });
});
