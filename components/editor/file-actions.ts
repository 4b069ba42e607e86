'use client';

import { bi } from '@/lib/i18n/bi';
import { localized, type Locale } from '@/lib/i18n/locale';
import { MAX_PROJECT_BYTES, parseProjectText, serializeProject, tooLarge, type ParseError, type ParseResult } from '@/lib/project/parse';
import type { GanProject } from '@/lib/project/schema';
import { encodeShare, SHARE_PARAM } from '@/lib/project/share';
import { downloadBlob } from '../download';

/** A safe file name from a project name: letters, digits, dashes. */
export function fileNameFor(project: GanProject): string {
  const base =
    project.name
      .normalize('NFKD')
      .replace(/[^\w-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'ganvas-project';
  return `${base}.ganvas.json`;
}

export function downloadProject(project: GanProject): void {
  downloadBlob(new Blob([serializeProject(project)], { type: 'application/json' }), fileNameFor(project));
}

/** Reads and validates a chosen file; never throws. */
export async function readProjectFile(file: File): Promise<ParseResult> {
  if (file.size > MAX_PROJECT_BYTES) return { ok: false, errors: [{ path: '', ...tooLarge(file.size) }] };
  try {
    return parseProjectText(await file.text());
  } catch {
    return { ok: false, errors: [{ path: '', ...bi('the file could not be read', '无法读取这个文件') }] };
  }
}

/** A link that opens a copy of the project. */
export async function shareLink(project: GanProject): Promise<string> {
  const encoded = await encodeShare(project);
  return `${location.origin}${location.pathname}#${SHARE_PARAM}=${encoded}`;
}

/** Parse errors as lines a person can read, in their language: "generator.nodes.1.kind: Invalid option ...". */
export function describeErrors(result: { ok: true } | { ok: false; errors: ParseError[] }, locale: Locale): string[] {
  if (result.ok) return [];
  return result.errors.slice(0, 8).map((e) => {
    const text = localized(e, locale);
    return e.path ? `${e.path}${locale === 'zh' ? '：' : ': '}${text}` : text;
  });
}
