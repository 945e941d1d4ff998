// The plant's live charts with uPlot: throughput (feed and product), concentrate ash and
// yield, by the minute. Loaded lazily (PlantPage): uPlot stays out of the initial bundle.
// Times and numbers on the axes and in the legend follow the UI's language, not the
// browser's (uPlot's defaults: 12-hour US times and navigator.language numbers), and the
// clock is the cluster's (ticks, day breaks, legend), as on every page, not the browser's zone.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { CLUSTER_TIME_ZONE } from '../../../src/model/wording.ts';

export interface ChartSeries {
  /** minute starts, seconds since the epoch, ascending */
  ts: number[];
  feed: Array<number | null>;
  product: Array<number | null>;
  ash: Array<number | null>;
  yieldPct: Array<number | null>;
}

const DAY = 86_400;

/** Axis and legend formatters for one UI locale (an Intl tag: ru-RU, en-GB). */
function formatters(tag: string) {
  const timeZone = CLUSTER_TIME_ZONE;
  const time = new Intl.DateTimeFormat(tag, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
  const day = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', timeZone });
  const dayKey = new Intl.DateTimeFormat('en-CA', { timeZone });
  const full = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const number = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
  return {
    /** tick labels: the time, with the day under the first tick of each day; days alone when ticks are a day or more apart */
    timeTicks: (splits: number[], increment: number) =>
      splits.map((s, i) => {
        const d = new Date(s * 1000);
        if (increment >= DAY) return day.format(d);
        const newDay = i === 0 || dayKey.format(splits[i - 1] * 1000) !== dayKey.format(d);
        return newDay ? `${time.format(d)}\n${day.format(d)}` : time.format(d);
      }),
    instant: (s: number | null) => (s == null ? '—' : full.format(new Date(s * 1000))),
    /** as many decimals as the tick step has (0.25 → 2), so no two ticks read the same */
    numberTicks: (splits: number[], increment: number) => {
      let digits = 0;
      while (
        digits < 6 &&
        Math.abs(increment * 10 ** digits - Math.round(increment * 10 ** digits)) > 1e-6
      )
        digits++;
      const step = new Intl.NumberFormat(tag, {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
      return splits.map((v) => step.format(v));
    },
    value: (v: number | null) => (v == null ? '—' : number.format(v)),
  };
}

interface Labels {
  throughput: string;
  ash: string;
  yield: string;
  feed: string;
  product: string;
  /** the legend's time column */
  time: string;
}

function Chart({
  title,
  data,
  series,
  time,
  locale,
  testId,
}: {
  title: string;
  data: uPlot.AlignedData;
  series: uPlot.Series[];
  /** label of the time column in the legend */
  time: string;
  /** Intl tag of the UI language */
  locale: string;
  testId: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const latest = useRef(data);
  latest.current = data;
  // uPlot keeps its series labels and formatters from creation: the chart is made anew
  // when the language (and with it the labels) changes; data updates go below.
  const labels = [time, ...series.map((x) => x.label)].join('\u0000');
  // biome-ignore lint/correctness/useExhaustiveDependencies: series are rebuilt every render; their labels and the locale are what matter
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const width = () => Math.max(240, el.clientWidth);
    const f = formatters(locale);
    plot.current = new uPlot(
      {
        width: width(),
        height: 200,
        // ticks fall on the cluster's hours and midnights
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), CLUSTER_TIME_ZONE),
        series: [
          { label: time, value: (_u, v) => f.instant(v) },
          ...series.map((x) => ({ ...x, value: (_u: uPlot, v: number | null) => f.value(v) })),
        ],
        axes: [
          { values: (_u, splits, _axis, _space, increment) => f.timeTicks(splits, increment) },
          {
            size: 50,
            values: (_u, splits, _axis, _space, increment) => f.numberTicks(splits, increment),
          },
        ],
        legend: { show: true },
        cursor: { drag: { x: false, y: false } },
      },
      latest.current,
      el,
    );
    const observer = new ResizeObserver(() =>
      plot.current?.setSize({ width: width(), height: 200 }),
    );
    observer.observe(el);
    return () => {
      observer.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [labels, locale]);
  useEffect(() => {
    plot.current?.setData(data);
  }, [data]);
  return (
    <figure className="plant-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <div ref={box} className="plant-chart-box" />
    </figure>
  );
}

export function PlantCharts({
  data,
  labels,
  locale,
}: {
  data: ChartSeries;
  labels: Labels;
  /** Intl tag of the UI language: ru-RU, en-GB */
  locale: string;
}) {
  return (
    <div className="plant-charts">
      <Chart
        title={labels.throughput}
        time={labels.time}
        locale={locale}
        testId="chart-throughput"
        data={[data.ts, data.feed, data.product]}
        series={[
          { label: labels.feed, stroke: '#1f3a5f', width: 1.5 },
          { label: labels.product, stroke: '#b5651d', width: 1.5 },
        ]}
      />
      <Chart
        title={labels.ash}
        time={labels.time}
        locale={locale}
        testId="chart-ash"
        data={[data.ts, data.ash]}
        series={[{ label: labels.ash, stroke: '#6a8d2f', width: 1.5 }]}
      />
      <Chart
        title={labels.yield}
        time={labels.time}
        locale={locale}
        testId="chart-yield"
        data={[data.ts, data.yieldPct]}
        series={[{ label: labels.yield, stroke: '#2e86de', width: 1.5 }]}
      />
    </div>
  );
}

/** One reading's series as read: bucket starts in seconds and their values. */
export interface ReadingSeries {
  key: string;
  /** the reading's name and unit, as the title and legend say it */
  label: string;
  ts: number[];
  values: Array<number | null>;
}

/** A shared device's readings, one chart each (each has its own unit): the grantee's page. */
export function ReadingCharts({
  readings,
  time,
  locale,
}: {
  readings: readonly ReadingSeries[];
  time: string;
  /** Intl tag of the UI language: ru-RU, en-GB */
  locale: string;
}) {
  return (
    <div className="plant-charts">
      {readings.map((r) => (
        <Chart
          key={r.key}
          title={r.label}
          time={time}
          locale={locale}
          testId={`reading-chart-${r.key}`}
          data={[r.ts, r.values]}
          series={[{ label: r.label, stroke: '#1f3a5f', width: 1.5 }]}
        />
      ))}
    </div>
  );
}
