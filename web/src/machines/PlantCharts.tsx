// The plant's live charts with uPlot: throughput (feed and product), concentrate ash and
// yield, by the minute. Loaded lazily (PlantPage): uPlot stays out of the initial bundle.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  /** minute starts, seconds since the epoch, ascending */
  ts: number[];
  feed: Array<number | null>;
  product: Array<number | null>;
  ash: Array<number | null>;
  yieldPct: Array<number | null>;
}

interface Labels {
  throughput: string;
  ash: string;
  yield: string;
  feed: string;
  product: string;
}

function Chart({
  title,
  data,
  series,
  testId,
}: {
  title: string;
  data: uPlot.AlignedData;
  series: uPlot.Series[];
  testId: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the chart is made once; data updates below
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const width = () => Math.max(240, el.clientWidth);
    plot.current = new uPlot(
      {
        width: width(),
        height: 200,
        series: [{}, ...series],
        axes: [{}, { size: 50 }],
        legend: { show: true },
        cursor: { drag: { x: false, y: false } },
      },
      data,
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
  }, []);
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

export function PlantCharts({ data, labels }: { data: ChartSeries; labels: Labels }) {
  return (
    <div className="plant-charts">
      <Chart
        title={labels.throughput}
        testId="chart-throughput"
        data={[data.ts, data.feed, data.product]}
        series={[
          { label: labels.feed, stroke: '#1f3a5f', width: 1.5 },
          { label: labels.product, stroke: '#b5651d', width: 1.5 },
        ]}
      />
      <Chart
        title={labels.ash}
        testId="chart-ash"
        data={[data.ts, data.ash]}
        series={[{ label: labels.ash, stroke: '#6a8d2f', width: 1.5 }]}
      />
      <Chart
        title={labels.yield}
        testId="chart-yield"
        data={[data.ts, data.yieldPct]}
        series={[{ label: labels.yield, stroke: '#2e86de', width: 1.5 }]}
      />
    </div>
  );
}
