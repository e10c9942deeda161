import { barLength, ChartFrame, type ChartLabels } from '../../views/svg-chart.js'

/**
 * Horizontal bars drawn on the server as SVG (no script): one row per label, the bar's length
 * proportional to the largest value, the figure written after it. It is an image with a title and a
 * description; the page puts a table with the same figures right under it, for every reader.
 */
export interface BarRow {
  label: string
  /** null: not available (no bar, the text says so). */
  value: number | null
  /** The figure as written (formatted, with its unit, or « non disponible »). */
  text: string
}

const width = 640
const labelWidth = 210
const barArea = 300
const rowHeight = 26
const maxLabel = 32

/** Long names are cut in the image only: the table under it gives them whole. */
export function shortLabel(label: string, max = maxLabel): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label
}

export function BarChart({ rows, ...labels }: ChartLabels & { rows: BarRow[] }) {
  const largest = Math.max(0, ...rows.map((row) => row.value ?? 0))
  const height = rows.length * rowHeight + 8
  return (
    <ChartFrame {...labels} class="chart chart-bars" width={width} height={height}>
      <line class="chart-axis" x1={String(labelWidth)} y1="0" x2={String(labelWidth)} y2={String(height)} />
      {rows.map((row, index) => {
        const y = 4 + index * rowHeight
        const length = barLength(row.value, largest, barArea)
        return (
          <g>
            <text class="chart-label" x={String(labelWidth - 8)} y={String(y + 17)} text-anchor="end">
              {shortLabel(row.label)}
            </text>
            {row.value !== null ? (
              <rect
                class="chart-bar"
                x={String(labelWidth)}
                y={String(y + 4)}
                width={length.toFixed(1)}
                height={String(rowHeight - 8)}
              />
            ) : null}
            <text class="chart-value" x={(labelWidth + length + 6).toFixed(1)} y={String(y + 17)}>
              {row.text}
            </text>
          </g>
        )
      })}
    </ChartFrame>
  )
}
