import { describe, expect, it } from 'vitest';
import { htmlLang, isLocale, localized, pickLocale } from '@/lib/i18n/locale';
import type { ParseError } from '@/lib/project/parse';

describe('locale choice', () => {
  it('prefers the remembered choice over the browser language', () => {
    expect(pickLocale('en', 'zh-CN')).toBe('en');
    expect(pickLocale('zh', 'en-US')).toBe('zh');
  });

  it('follows a Chinese browser on a first visit, English otherwise', () => {
    for (const lang of ['zh', 'zh-CN', 'zh-TW', 'zh-Hans-CN', 'ZH-cn']) expect(pickLocale(null, lang), lang).toBe('zh');
    for (const lang of ['en-US', 'fr', 'ja', '', undefined]) expect(pickLocale(null, lang), String(lang)).toBe('en');
  });

  it('ignores a remembered value that is not a locale', () => {
    expect(pickLocale('de', 'en-US')).toBe('en');
    expect(pickLocale('', 'zh-CN')).toBe('zh');
    expect(isLocale('zh-CN')).toBe(false);
  });

  it('names the html language and picks texts', () => {
    expect(htmlLang('en')).toBe('en');
    expect(htmlLang('zh')).toBe('zh-CN');
    expect(localized({ en: 'Dense', zh: '全连接' }, 'zh')).toBe('全连接');
    expect(localized({ en: 'Dense', zh: '全连接' }, 'en')).toBe('Dense');
    // A record that extends the text (a diagnostic, a parse error) is picked the same way.
    const error: ParseError = { path: 'generator.edges.0', en: 'a cycle', zh: '一个环' };
    expect(localized(error, 'en')).toBe('a cycle');
    expect(localized(error, 'zh')).toBe('一个环');
  });
});
