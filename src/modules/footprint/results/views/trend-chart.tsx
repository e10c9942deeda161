import { barLength, ChartFrame, type ChartLabels } from '../../views/svg-chart.js'

/**
 * The trend over the years as vertical bars (SVG, server-rendered). A year whose result is frozen
 * shows the frozen figure with a hatched bar and a star after the year, so that a computed figure
 * (which follows today's inventory) and a frozen one (as it stood when frozen) are never confused.
 * The page's table under it holds the same figures and says which is which.
 */
export interface TrendPoint {
  year: number
  value: number | null
  text: string
  frozen: boolean
}

const width = 640
const height = 260
const top = 24
const bottom = 40
const left = 20

export function TrendChart({ points, ...labels }: ChartLabels & { points: TrendPoint[] }) {
  const { id } = labels
  const largest = Math.max(0, ...points.map((point) => point.value ?? 0))
  const plot = height - top - bottom
  const slot = (width - left * 2) / Math.max(1, points.length)
  const barWidth = Math.min(60, slot * 0.6)
  const baseline = height - bottom
  return (
    <ChartFrame {...labels} class="chart chart-trend" width={width} height={height}>
      <defs>
        <pattern
          id={`${id}-hatch`}
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect class="chart-hatch-ground" width="6" height="6" />
          <line class="chart-hatch-line" x1="0" y1="0" x2="0" y2="6" />
        </pattern>
      </defs>
      <line
        class="chart-axis"
        x1={String(left)}
        y1={String(baseline)}
        x2={String(width - left)}
        y2={String(baseline)}
      />
      {points.map((point, index) => {
        const centre = left + slot * index + slot / 2
        const barHeight = barLength(point.value, largest, plot)
        return (
          <g>
            {point.value !== null ? (
              <rect
                class={point.frozen ? 'chart-bar-frozen' : 'chart-bar'}
                x={(centre - barWidth / 2).toFixed(1)}
                y={(baseline - barHeight).toFixed(1)}
                width={barWidth.toFixed(1)}
                height={barHeight.toFixed(1)}
                fill={point.frozen ? `url(#${id}-hatch)` : undefined}
              />
            ) : null}
            <text
              class="chart-value"
              x={centre.toFixed(1)}
              y={(baseline - barHeight - 6).toFixed(1)}
              text-anchor="middle"
            >
              {point.text}
            </text>
            <text class="chart-label" x={centre.toFixed(1)} y={String(baseline + 18)} text-anchor="middle">
              {point.frozen ? `${point.year} *` : String(point.year)}
            </text>
          </g>
        )
      })}
    </ChartFrame>
  )
}
