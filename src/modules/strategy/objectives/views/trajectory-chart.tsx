import { ChartFrame, type ChartLabels } from '../../../footprint/views/svg-chart.js'
import type { YearValue } from '../objective-status.js'

/**
 * An objective's trajectory as a line chart (SVG, server-rendered): the dashed line from the
 * baseline through each target, held flat after the last one, and the values measured as a solid
 * line with dots. The page's year-by-year table holds the same figures for every reader.
 */
export interface TrajectoryChartProps extends ChartLabels {
  baseline: YearValue
  targets: YearValue[]
  measures: YearValue[]
  /** The last year drawn (the last target's, or later when measures go beyond it). */
  endYear: number
  /** The value as the page writes it (French or English digits). */
  format: (value: number) => string
}

const width = 640
const height = 280
const margin = { top: 16, right: 20, bottom: 36, left: 64 }
const plotWidth = width - margin.left - margin.right
const plotHeight = height - margin.top - margin.bottom

/** A round step near a quarter of the span: 1, 2 or 5 times a power of ten. */
function niceStep(span: number): number {
  const rough = span / 4
  const power = 10 ** Math.floor(Math.log10(rough))
  return ([1, 2, 5, 10].find((factor) => factor * power >= rough) ?? 10) * power
}

/**
 * The value scale drawn: from a round value at or below every point to one at or above, with its
 * round ticks; never empty (a flat objective gets some room around its level).
 */
export function valueScale(values: readonly number[]): { low: number; high: number; ticks: number[] } {
  let low = Math.min(...values)
  let high = Math.max(...values)
  if (high === low) {
    const room = Math.max(1, Math.abs(high) * 0.1)
    low -= room
    high += room
  }
  const step = niceStep(high - low)
  // A chart of positive figures does not dip below zero for the sake of a round number.
  low = Math.floor(low / step) * step
  high = Math.ceil(high / step) * step
  if (Math.min(...values) >= 0) low = Math.max(0, low)
  const ticks: number[] = []
  // Rounded to the step's precision, so that 0.1 + 0.2 prints as 0,3.
  const digits = Math.max(0, -Math.floor(Math.log10(step)))
  for (let tick = low; tick <= high + step / 2; tick += step) ticks.push(Number(tick.toFixed(digits)))
  return { low, high, ticks }
}

/** At most about ten year labels: every year, or every second, fifth… */
function labelledYears(start: number, end: number): number[] {
  const span = end - start
  const step = [1, 2, 5, 10, 20].find((candidate) => span / candidate <= 10) ?? 25
  const years: number[] = []
  for (let year = start; year <= end; year += step) years.push(year)
  if (years.at(-1) !== end) years.push(end)
  return years
}

const coordinates = (points: [number, number][]) =>
  points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')

export function TrajectoryChart(props: TrajectoryChartProps) {
  const { baseline, targets, measures, endYear, format, ...labels } = props
  const startYear = baseline.year
  const span = Math.max(1, endYear - startYear)
  const { low, high, ticks } = valueScale([
    baseline.value,
    ...targets.map((target) => target.value),
    ...measures.map((measure) => measure.value),
  ])
  const x = (year: number) => margin.left + ((year - startYear) / span) * plotWidth
  const y = (value: number) => margin.top + ((high - value) / (high - low)) * plotHeight
  const trajectory: [number, number][] = [baseline, ...targets].map((point) => [
    x(point.year),
    y(point.value),
  ])
  const last = targets.at(-1) ?? baseline
  if (endYear > last.year) trajectory.push([x(endYear), y(last.value)])
  const measured = measures.map((measure): [number, number] => [x(measure.year), y(measure.value)])
  const bottom = margin.top + plotHeight
  return (
    <ChartFrame {...labels} class="chart" width={width} height={height}>
      {ticks.map((value) => (
        <g>
          <line
            class="chart-grid"
            x1={String(margin.left)}
            y1={y(value).toFixed(1)}
            x2={String(width - margin.right)}
            y2={y(value).toFixed(1)}
          />
          <text
            class="chart-label"
            x={String(margin.left - 6)}
            y={(y(value) + 4).toFixed(1)}
            text-anchor="end"
          >
            {format(value)}
          </text>
        </g>
      ))}
      <line
        class="chart-axis"
        x1={String(margin.left)}
        y1={String(bottom)}
        x2={String(width - margin.right)}
        y2={String(bottom)}
      />
      {labelledYears(startYear, Math.max(endYear, startYear + 1)).map((year) => (
        <text class="chart-label" x={x(year).toFixed(1)} y={String(bottom + 18)} text-anchor="middle">
          {String(year)}
        </text>
      ))}
      <polyline class="chart-line-expected" points={coordinates(trajectory)} />
      {[baseline, ...targets].map((point) => (
        <rect
          class="chart-point-target"
          x={(x(point.year) - 4).toFixed(1)}
          y={(y(point.value) - 4).toFixed(1)}
          width="8"
          height="8"
        />
      ))}
      {measured.length > 1 ? <polyline class="chart-line-measured" points={coordinates(measured)} /> : null}
      {measured.map(([cx, cy]) => (
        <circle class="chart-point-measured" cx={cx.toFixed(1)} cy={cy.toFixed(1)} r="4.5" />
      ))}
    </ChartFrame>
  )
}
