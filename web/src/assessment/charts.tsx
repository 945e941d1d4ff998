// Two small SVG charts, drawn without a chart library (a few dozen elements each): the radar of
// the nine characteristics and the trajectory of the overall score. Styled by classes only.

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
  const width = 600;
  const height = 440;
  const cx = width / 2;
  const cy = height / 2;
  const r = 130;
  const at = (i: number, radius: number) => {
    const a = (i / axes.length) * TAU - Math.PI / 2;
    return [cx + radius * Math.cos(a), cy + radius * Math.sin(a)] as const;
  };
  const ring = (k: number) => axes.map((_, i) => at(i, (r * k) / 2).join(',')).join(' ');
  const shape = axes.map((x, i) => at(i, (r * (x.score ?? 0)) / 2).join(',')).join(' ');
  return (
    <svg className="radar" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <polygon className="radar-ring" points={ring(2)} />
      <polygon className="radar-ring" points={ring(1)} />
      {axes.map((x, i) => {
        const [x2, y2] = at(i, r);
        return <line key={x.label} className="radar-axis" x1={cx} y1={cy} x2={x2} y2={y2} />;
      })}
      <polygon className="radar-shape" points={shape} />
      {axes.map((x, i) => {
        const [px, py] = at(i, (r * (x.score ?? 0)) / 2);
        const [lx, ly] = at(i, r + 22);
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
              textAnchor={anchor}
              dominantBaseline="middle"
            >
              {lines(x.label).map((line, k, all) => (
                <tspan key={line} x={lx} dy={k === 0 ? `${-(all.length - 1) * 0.6}em` : '1.2em'}>
                  {line}
                </tspan>
              ))}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export interface TrajectoryPoint {
  month: string;
  score: number | null;
}

export function Trajectory({
  points,
  label,
  bands,
}: {
  points: TrajectoryPoint[];
  label: string;
  bands: [string, string, string];
}) {
  const w = 640;
  const h = 220;
  const left = 40;
  // the bands are named in a gutter right of the plot, where no point of the line can be drawn
  const gutter = 130;
  const top = 12;
  const bottom = 28;
  const plotRight = w - gutter;
  const x = (i: number) =>
    left +
    (points.length > 1 ? (i * (plotRight - left)) / (points.length - 1) : (plotRight - left) / 2);
  const y = (s: number) => top + ((2 - s) * (h - top - bottom)) / 2;
  const line = points
    .map((p, i) => (p.score === null ? null : `${x(i)},${y(p.score)}`))
    .filter((s): s is string => s !== null)
    .join(' ');
  // each band: its range of scores, and the middle its name is centred on
  const bandRows = [
    { key: 'territorial', from: 0, to: 0.5, name: bands[0] },
    { key: 'digital', from: 0.5, to: 1.5, name: bands[1] },
    { key: 'ecosystem', from: 1.5, to: 2, name: bands[2] },
  ];
  return (
    <svg className="trajectory" viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label}>
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
      {bandRows.map((b) => {
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
      {line && <polyline className="trajectory-line" points={line} />}
      {points.map((p, i) =>
        p.score === null ? null : (
          <circle key={p.month} className="trajectory-point" cx={x(i)} cy={y(p.score)} r={3} />
        ),
      )}
      {points.length > 0 && (
        <>
          <text className="axis-text" x={x(0)} y={h - 8} textAnchor="start">
            {points[0]?.month}
          </text>
          {points.length > 1 && (
            <text className="axis-text" x={x(points.length - 1)} y={h - 8} textAnchor="end">
              {points.at(-1)?.month}
            </text>
          )}
        </>
      )}
    </svg>
  );
}
