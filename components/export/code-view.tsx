'use client';

import { Highlight, themes } from 'prism-react-renderer';
import styles from './export.module.css';

/** Read-only code with syntax colours; every token is React text, so user text stays text. */
export function CodeView({ code, language }: { code: string; language: 'typescript' | 'python' | 'json' | 'markdown' }) {
  return (
    <Highlight code={code} language={language} theme={themes.github}>
      {({ className, style, tokens, getLineProps, getTokenProps }) => (
        <pre className={`${className} ${styles.code}`} style={style} data-testid="export-code">
          {tokens.map((line, i) => (
            <div key={i} {...getLineProps({ line })}>
              <span className={styles.lineNo} aria-hidden>
                {i + 1}
              </span>
              {line.map((token, j) => (
                <span key={j} {...getTokenProps({ token })} />
              ))}
            </div>
          ))}
        </pre>
      )}
    </Highlight>
  );
}
