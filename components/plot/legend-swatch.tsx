'use client';

/** What a legend entry looks like: a dot, a line (solid, dashed or dotted), a bar or an arrow. */
export type SwatchKind = 'dot' | 'solid' | 'dashed' | 'dotted' | 'thin' | 'bar' | 'arrow';

/** Props of {@link LegendSwatch}. */
export interface LegendSwatchProps {
  kind: SwatchKind;
  colour: string;
}

const DASH: Partial<Record<SwatchKind, string>> = { dashed: '5 3', dotted: '0.1 3.5' };

/** A small inline SVG that draws a legend entry the way the plot draws the thing. */
export function LegendSwatch({ kind, colour }: LegendSwatchProps) {
  const common = { width: 24, height: 12, viewBox: '0 0 24 12', 'aria-hidden': true, style: { flex: 'none' } } as const;
  if (kind === 'dot') {
    return (
      <svg {...common} width={12} viewBox="0 0 12 12">
        <circle cx={6} cy={6} r={3.5} fill={colour} />
      </svg>
    );
  }
  if (kind === 'bar') {
    return (
      <svg {...common} width={16} viewBox="0 0 16 12">
        <rect x={1} y={2} width={14} height={9} fill={colour} stroke="#b9bfcf" strokeWidth={1} />
      </svg>
    );
  }
  if (kind === 'arrow') {
    return (
      <svg {...common}>
        <path d="M3 6 H17" stroke={colour} strokeWidth={1.4} strokeLinecap="round" />
        <path d="M21 6 L15 3 L15 9 Z" fill={colour} />
      </svg>
    );
  }
  return (
    <svg {...common}>
      <path
        d="M2 6 H22"
        stroke={colour}
        strokeWidth={kind === 'thin' ? 1.2 : kind === 'dotted' ? 2.4 : 2}
        strokeDasharray={DASH[kind]}
        strokeLinecap={kind === 'dotted' ? 'round' : 'butt'}
      />
    </svg>
  );
}
