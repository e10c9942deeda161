import { ChartFrame, type ChartLabels } from '../../../footprint/views/svg-chart.js'

/**
 * An indicator's values over the years as small vertical bars (SVG, server-rendered), drawn from a
 * zero line so that a negative value (a decrease typed as such) goes below it. A year without a
 * value has no bar and a « — ». The page's table under it holds the same figures, with where each
 * comes from.
 */
export interface IndicatorTrendPoint {
  year: number
  value: number | null
  text: string
}

const width = 640
const height = 220
const top = 22
const bottom = 44
const side = 16

export function IndicatorTrendChart({ points, ...labels }: ChartLabels & { points: IndicatorTrendPoint[] }) {
  const values = points.flatMap((point) => (point.value === null ? [] : [point.value]))
  const highest = Math.max(0, ...values)
  const lowest = Math.min(0, ...values)
  const span = highest - lowest
  const plot = height - top - bottom
  // The zero line: at the bottom when every value is positive, higher when some are negative.
  const zero = top + (span > 0 ? (plot * highest) / span : plot)
  const scale = (value: number) => (span > 0 ? (plot * Math.abs(value)) / span : 0)
  const slot = (width - side * 2) / Math.max(1, points.length)
  const barWidth = Math.min(48, slot * 0.6)
  return (
    <ChartFrame {...labels} class="chart chart-trend" width={width} height={height}>
      <line
        class="chart-axis"
        x1={String(side)}
        y1={zero.toFixed(1)}
        x2={String(width - side)}
        y2={zero.toFixed(1)}
      />
      {points.map((point, index) => {
        const centre = side + slot * index + slot / 2
        const length = point.value === null ? 0 : scale(point.value)
        const below = point.value !== null && point.value < 0
        const barTop = below ? zero : zero - length
        const textY = below ? zero + length + 14 : zero - length - 6
        return (
          <g>
            {point.value !== null ? (
              <rect
                class="chart-bar"
                x={(centre - barWidth / 2).toFixed(1)}
                y={barTop.toFixed(1)}
                width={barWidth.toFixed(1)}
                height={length.toFixed(1)}
              />
            ) : null}
            <text class="chart-value" x={centre.toFixed(1)} y={textY.toFixed(1)} text-anchor="middle">
              {point.text}
            </text>
            <text class="chart-label" x={centre.toFixed(1)} y={String(height - 8)} text-anchor="middle">
              {String(point.year)}
            </text>
          </g>
        )
      })}
    </ChartFrame>
  )
}
