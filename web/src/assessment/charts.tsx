// Two small SVG charts, drawn without a chart library (a few dozen elements each): the radar of
// the nine characteristics and the trajectory of the overall score. Styled by classes only.
import { useLayoutEffect, useRef, useState } from 'react';
import {
  changeMarks,
  scoredRuns,
  yearTicks,
} from '../../../src/assessment/engine/trajectory-marks.ts';

const TAU = Math.PI * 2;

export interface RadarAxis {
  label: string;
  /** 0..2, or null: no data (drawn as a hollow mark on the centre) */
  score: number | null;
}

/** A label's words in lines of at most `width` characters (SVG text does not wrap). */
function lines(text: string, width = 20): string[] {
  const out: string[] = [];
  for (const word of text.split(' ')) {
    const last = out.at(-1);
    if (last !== undefined && last.length + word.length + 1 <= width)
      out[out.length - 1] = `${last} ${word}`;
    else out.push(word);
  }
  return out;
}

export function Radar({ axes, label }: { axes: RadarAxis[]; label: string }) {
  const [box, w] = useWidth(600);
  // on a phone the names would be scaled to a few pixels: the axes are numbered instead, drawn
  // one unit a pixel, and the names listed under the chart by the same numbers
  const narrow = w < 520;
  const width = narrow ? w : 600;
  const height = narrow ? Math.round(w * 0.8) : 440;
  const cx = width / 2;
  const cy = height / 2;
  const r = narrow ? Math.round(height * 0.36) : 130;
  const at = (i: number, radius: number) => {
    const a = (i / axes.length) * TAU - Math.PI / 2;
    return [cx + radius * Math.cos(a), cy + radius * Math.sin(a)] as const;
  };
  const ring = (k: number) => axes.map((_, i) => at(i, (r * k) / 2).join(',')).join(' ');
  const shape = axes.map((x, i) => at(i, (r * (x.score ?? 0)) / 2).join(',')).join(' ');
  return (
    <div ref={box} className="radar-box">
      <svg
        className={narrow ? 'radar narrow' : 'radar'}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={label}
      >
        <polygon className="radar-ring" points={ring(2)} />
        <polygon className="radar-ring" points={ring(1)} />
        {axes.map((x, i) => {
          const [x2, y2] = at(i, r);
          return <line key={x.label} className="radar-axis" x1={cx} y1={cy} x2={x2} y2={y2} />;
        })}
        <polygon className="radar-shape" points={shape} />
        {axes.map((x, i) => {
          const [px, py] = at(i, (r * (x.score ?? 0)) / 2);
          const [lx, ly] = at(i, r + (narrow ? 14 : 22));
          const anchor = Math.abs(lx - cx) < 8 ? 'middle' : lx > cx ? 'start' : 'end';
          return (
            <g key={x.label}>
              <circle
                className={x.score === null ? 'radar-point no-data' : 'radar-point'}
                cx={px}
                cy={py}
                r={4}
              />
              <text
                className="radar-label"
                x={lx}
                y={ly}
                textAnchor={narrow ? 'middle' : anchor}
                dominantBaseline="middle"
              >
                {narrow
                  ? i + 1
                  : lines(x.label).map((line, k, all) => (
                      <tspan
                        key={line}
                        x={lx}
                        dy={k === 0 ? `${-(all.length - 1) * 0.6}em` : '1.2em'}
                      >
                        {line}
                      </tspan>
                    ))}
              </text>
            </g>
          );
        })}
      </svg>
      {narrow && (
        <ol className="radar-legend">
          {axes.map((x) => (
            <li key={x.label}>{x.label}</li>
          ))}
        </ol>
      )}
    </div>
  );
}

export interface TrajectoryPoint {
  month: string;
  score: number | null;
}

/** The width in CSS pixels of the element `ref` points at, followed as it changes. */
function useWidth(initial: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(initial);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(240, Math.floor(el.clientWidth)));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/**
 * The overall score by month over the three bands of the forms. Drawn at the width it is given,
 * one SVG unit a CSS pixel, so that its text keeps the page's size at any screen width; a dot
 * where the score changes (each month's value in its tooltip), a tick at each January with the
 * years written where they fit.
 */
export function Trajectory({
  points,
  label,
  bands,
  format,
  formatMonth,
}: {
  points: TrajectoryPoint[];
  label: string;
  bands: [string, string, string];
  /** a score in the page's language */
  format: (score: number) => string;
  /** a month (YYYY-MM) in the page's language */
  formatMonth: (month: string) => string;
}) {
  const [box, w] = useWidth(640);
  const names = useRef<SVGGElement>(null);
  // the bands are named in a gutter right of the plot, where no point of the line can be drawn,
  // as wide as the longest name drawn (measured once drawn; before that, a guess)
  const [gutter, setGutter] = useState(150);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the names drawn change with the bands
  useLayoutEffect(() => {
    const texts = [...(names.current?.querySelectorAll('text') ?? [])];
    if (texts.length === 0 || !('getBBox' in texts[0]!)) return;
    const widest = Math.max(...texts.map((t) => t.getBBox().width));
    if (widest > 0) setGutter(Math.ceil(widest) + 20);
  }, [bands.join('|')]);
  // on a phone a gutter would take half the plot: the bands are named in a legend below instead
  const narrow = w < 480;
  const h = 220;
  const left = 32;
  const top = 12;
  const bottom = 34;
  const plotRight = narrow ? w - 4 : w - gutter;
  // the first and last months stand a little inside the plot, their dots clear of its edges
  const from = left + 6;
  const to = plotRight - 8;
  const x = (i: number) =>
    points.length > 1 ? from + (i * (to - from)) / (points.length - 1) : (from + to) / 2;
  const y = (s: number) => top + ((2 - s) * (h - top - bottom)) / 2;
  const scores = points.map((p) => p.score);
  const runs = scoredRuns(scores);
  const ticks = yearTicks(
    points.map((p) => p.month),
    points.length > 1 ? (to - from) / (points.length - 1) : to - from,
    42,
  );
  // each band: its range of scores, and the middle its name is centred on
  const bandRows = [
    { key: 'territorial', from: 0, to: 0.5, name: bands[0] },
    { key: 'digital', from: 0.5, to: 1.5, name: bands[1] },
    { key: 'ecosystem', from: 1.5, to: 2, name: bands[2] },
  ];
  const axisY = h - 10;
  return (
    <div ref={box} className="trajectory-box">
      <svg
        className="trajectory"
        width={w}
        height={h}
        viewBox={`0 0 ${w} ${h}`}
        role="img"
        aria-label={label}
      >
        {bandRows.map((b) => (
          <rect
            key={b.key}
            className={`band band-${b.key}`}
            x={left}
            y={y(b.to)}
            width={w - left - 4}
            height={y(b.from) - y(b.to)}
          />
        ))}
        {ticks.map((t) => (
          <line
            key={t.year}
            className={t.label ? 'year-grid labelled' : 'year-grid'}
            x1={x(t.index)}
            y1={y(2)}
            x2={x(t.index)}
            y2={y(0) + (t.label ? 5 : 3)}
          />
        ))}
        <line className="plot-edge" x1={plotRight} y1={y(2)} x2={plotRight} y2={y(0)} />
        {[0, 1, 2].map((s) => (
          <text
            key={s}
            className="axis-text"
            x={left - 6}
            y={y(s)}
            textAnchor="end"
            dominantBaseline="middle"
          >
            {s}
          </text>
        ))}
        <g ref={names}>
          {!narrow &&
            bandRows.map((b) => {
              const words = lines(b.name, 14);
              return (
                <text
                  key={b.key}
                  className="band-text"
                  x={plotRight + 8}
                  y={y((b.from + b.to) / 2)}
                  dominantBaseline="middle"
                >
                  {words.map((word, k) => (
                    <tspan
                      key={word}
                      x={plotRight + 8}
                      dy={k === 0 ? `${-(words.length - 1) * 0.6}em` : '1.2em'}
                    >
                      {word}
                    </tspan>
                  ))}
                </text>
              );
            })}
        </g>
        {runs.map((run) =>
          run.length > 1 ? (
            <polyline
              key={run[0]}
              className="trajectory-line"
              points={run.map((i) => `${x(i)},${y(scores[i] ?? 0)}`).join(' ')}
            />
          ) : null,
        )}
        {changeMarks(scores).map((i) => {
          const p = points[i];
          return p && p.score !== null ? (
            <circle key={p.month} className="trajectory-point" cx={x(i)} cy={y(p.score)} r={3.5}>
              <title>{`${formatMonth(p.month)}: ${format(p.score)}`}</title>
            </circle>
          ) : null;
        })}
        {ticks.length > 0
          ? ticks
              .filter((t) => t.label)
              .map((t) => (
                <text
                  key={t.year}
                  className="axis-text"
                  x={x(t.index)}
                  y={axisY}
                  textAnchor="middle"
                >
                  {t.year}
                </text>
              ))
          : points.length > 0 && (
              <>
                <text className="axis-text" x={x(0)} y={axisY} textAnchor="start">
                  {points[0] && formatMonth(points[0].month)}
                </text>
                {points.length > 1 && (
                  <text className="axis-text" x={x(points.length - 1)} y={axisY} textAnchor="end">
                    {formatMonth(points.at(-1)?.month ?? '')}
                  </text>
                )}
              </>
            )}
      </svg>
      {narrow && (
        <ul className="band-legend">
          {[...bandRows].reverse().map((b) => (
            <li key={b.key}>
              <span className={`band-swatch band-${b.key}`} aria-hidden="true" />
              {b.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
