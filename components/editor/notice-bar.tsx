'use client';

import { useEffect } from 'react';
import { useTranslations } from 'use-intl';
import { useEditor, useEditorApi } from '@/components/store/editor';

/** Messages about what just happened: refusals, open failures, share links. */
export function NoticeBar() {
  const t = useTranslations('notices');
  const store = useEditorApi();
  const notice = useEditor((s) => s.notice);
  useEffect(() => {
    if (!notice || notice.tone === 'error' || notice.details?.length) return;
    const timer = setTimeout(() => store.getState().dismissNotice(), 4000);
    return () => clearTimeout(timer);
  }, [notice, store]);
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="notice">
      <div className="notice-body">
        <strong>{notice.title}</strong>
        {notice.details && (
          <ul>
            {notice.details.map((line, i) =>
              line.startsWith('http') ? (
                <li key={i}>
                  <input readOnly value={line} data-testid="share-link" aria-label={t('shareLink')} onFocus={(e) => e.target.select()} />
                </li>
              ) : (
                <li key={i}>{line}</li>
              ),
            )}
          </ul>
        )}
      </div>
      <button type="button" className="btn small" onClick={() => store.getState().dismissNotice()} aria-label={t('dismiss')}>
        ✕
      </button>
    </div>
  );
}
