// A stacked bar chart drawn as inline SVG: one bar per group (a month), one segment per series (a severity). No chart
// library: the data is a dozen bars, and drawing them keeps the bundle small and the markup accessible. The SVG is one
// image with a summary for screen readers (role="img" + aria-label); the legend is text, and the caller gives the same
// numbers as a table.

export interface ChartSeries<K extends string> {
  key: K;
  /** The series in words, for the legend and the tooltips: colour is never the only signal. */
  name: string;
  /** The class that colours its segments and legend swatch (contracts.css). */
  className: string;
}

export interface ChartGroup<K extends string> {
  key: string;
  label: string;
  /** A second line under the label (the year under January and the first month). */
  sublabel?: string;
  /** The group's tooltip, in words. */
  title: string;
  values: Record<K, number>;
}

const WIDTH = 720;
const HEIGHT = 300;
const MARGIN = { top: 20, right: 12, bottom: 50, left: 56 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;
const TARGET_TICKS = 4;

/** A whole-number step of 1, 2 or 5 times a power of ten that divides `max` into about four intervals. */
function stepFor(max: number): number {
  const raw = max / TARGET_TICKS;
  if (raw <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * magnitude).find((step) => step >= raw) ?? 10 * magnitude;
}

export function StackedBarChart<K extends string>({ label, axisLabel, legendLabel, series, groups }: {
  label: string;
  axisLabel: string;
  legendLabel: string;
  series: ReadonlyArray<ChartSeries<K>>;
  groups: ReadonlyArray<ChartGroup<K>>;
}) {
  const totals = groups.map((group) => series.reduce((sum, s) => sum + group.values[s.key], 0));
  const step = stepFor(Math.max(0, ...totals));
  const top = Math.max(step, Math.ceil(Math.max(0, ...totals) / step) * step);
  const ticks = Array.from({ length: top / step + 1 }, (_, i) => i * step);
  const y = (value: number): number => MARGIN.top + PLOT_H - (value / top) * PLOT_H;
  const band = PLOT_W / Math.max(1, groups.length);
  const barWidth = Math.min(band * 0.6, 44);
  const baseline = y(0);

  return (
    <figure class="chart-figure">
      <svg class="chart" role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="xMidYMid meet">
        {ticks.map((tick) => (
          <g key={tick}>
            <line class="chart-grid" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} />
            <text class="chart-tick chart-tick-y" x={MARGIN.left - 8} y={y(tick)} dy="0.32em">
              {tick}
            </text>
          </g>
        ))}
        <text class="chart-axis-title" transform="rotate(-90)" x={-(MARGIN.top + PLOT_H / 2)} y={16}>
          {axisLabel}
        </text>
        {groups.map((group, i) => {
          const center = MARGIN.left + band * i + band / 2;
          let stacked = 0;
          return (
            <g key={group.key}>
              <title>{group.title}</title>
              {series.map((s) => {
                const value = group.values[s.key];
                if (value <= 0) return null;
                const from = y(stacked);
                stacked += value;
                return <rect key={s.key} class={`chart-bar ${s.className}`} x={center - barWidth / 2} y={y(stacked)} width={barWidth} height={from - y(stacked)} />;
              })}
              {totals[i]! > 0 && (
                <text class="chart-total" x={center} y={y(totals[i]!) - 5}>
                  {totals[i]}
                </text>
              )}
              <text class="chart-tick chart-tick-x" x={center} y={baseline + 18}>
                {group.label}
              </text>
              {group.sublabel && (
                <text class="chart-tick chart-tick-x" x={center} y={baseline + 36}>
                  {group.sublabel}
                </text>
              )}
            </g>
          );
        })}
        <line class="chart-axis" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={baseline} y2={baseline} />
      </svg>
      <figcaption>
        <ul class="chart-legend" aria-label={legendLabel}>
          {series.map((s) => (
            <li key={s.key}>
              <span class={`chart-swatch ${s.className}`} aria-hidden="true" />
              {s.name}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
