import { describe, expect, it } from 'vitest';
import { migrate, type Migration } from '@/lib/project/migrations';
import { CURRENT_VERSION } from '@/lib/project/schema';

describe('migrate', () => {
  const steps: Record<number, Migration> = {
    1: (doc) => ({ ...doc, title: undefined, name: doc.title }),
    2: (doc) => ({ ...doc, tags: [] }),
  };

  it('applies each up step in order and stamps the version', () => {
    const result = migrate({ version: 1, title: 'old' }, steps, 3);
    expect(result).toEqual({ ok: true, doc: { version: 3, title: undefined, name: 'old', tags: [] } });
  });

  it('starts from the document version', () => {
    expect(migrate({ version: 2, name: 'n' }, steps, 3)).toEqual({ ok: true, doc: { version: 3, name: 'n', tags: [] } });
  });

  it('leaves current documents as they are', () => {
    const doc = { version: CURRENT_VERSION, name: 'x' };
    expect(migrate(doc)).toEqual({ ok: true, doc });
  });

  it('reports a gap in the chain, a newer format and a malformed version', () => {
    expect(migrate({ version: 1 }, { 2: steps[2]! }, 3)).toMatchObject({ ok: false, en: expect.stringMatching(/from format 1 to 2/) });
    expect(migrate({ version: 4 }, steps, 3)).toMatchObject({ ok: false, en: expect.stringMatching(/newer GANvas/) });
    expect(migrate({ version: '1' }, steps, 3)).toMatchObject({ ok: false, en: expect.stringMatching(/whole number/) });
    expect(migrate({ version: 0.5 }, steps, 3)).toMatchObject({ ok: false });
    expect(migrate({}, steps, 3)).toMatchObject({ ok: false, en: expect.stringMatching(/no "version"/) });
  });
});
