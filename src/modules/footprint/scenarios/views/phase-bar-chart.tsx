import { barLength, ChartFrame, type ChartLabels } from '../../views/svg-chart.js'

/**
 * Baseline against scenario, phase by phase, as horizontal bars drawn on the server (SVG): an image
 * with a title and a description; the table beside it holds the same figures for every reader.
 */
export interface PhaseBars {
  label: string
  baseline: number
  scenario: number
  /** The figures as printed in the table, for the labels at the end of the bars. */
  baselineText: string
  scenarioText: string
}

const width = 520
const labelWidth = 130
const valueWidth = 80
const barHeight = 16
const rowGap = 14

export function PhaseBarChart({ rows, ...labels }: ChartLabels & { rows: PhaseBars[] }) {
  const barSpace = width - labelWidth - valueWidth
  // Negative figures (none in practice: impacts are ≥ 0) are drawn as empty bars.
  const max = Math.max(0, ...rows.flatMap((row) => [row.baseline, row.scenario]))
  const length = (value: number) => barLength(Math.max(0, value), max, barSpace)
  const rowHeight = barHeight * 2 + rowGap
  const height = rows.length * rowHeight + rowGap
  return (
    <ChartFrame {...labels} class="phase-chart" width={width} height={height}>
      {rows.map((row, index) => {
        const top = rowGap + index * rowHeight
        return (
          <g>
            <text class="phase-chart-label" x="0" y={String(top + barHeight + 4)}>
              {row.label}
            </text>
            <rect
              class="phase-chart-baseline"
              x={String(labelWidth)}
              y={String(top)}
              width={length(row.baseline).toFixed(1)}
              height={String(barHeight - 2)}
            />
            <text
              class="phase-chart-value"
              x={(labelWidth + length(row.baseline) + 4).toFixed(1)}
              y={String(top + barHeight - 4)}
            >
              {row.baselineText}
            </text>
            <rect
              class="phase-chart-scenario"
              x={String(labelWidth)}
              y={String(top + barHeight)}
              width={length(row.scenario).toFixed(1)}
              height={String(barHeight - 2)}
            />
            <text
              class="phase-chart-value"
              x={(labelWidth + length(row.scenario) + 4).toFixed(1)}
              y={String(top + barHeight * 2 - 4)}
            >
              {row.scenarioText}
            </text>
          </g>
        )
      })}
    </ChartFrame>
  )
}
