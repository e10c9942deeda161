/**
 * A radar chart drawn on the server as SVG: one axis per commitment, 0 at the centre, 100 at the
 * rim, this year's polygon over last year's (dashed). It is an image with a title and a
 * description; the table that follows it on the page holds the same figures for every reader.
 */
export interface RadarSeries {
  label: string
  values: (number | null)[]
  kind: 'current' | 'previous'
}

const size = 360
const centre = size / 2
const radius = 130
const rings = [25, 50, 75, 100]

function point(index: number, count: number, value: number): [number, number] {
  // First axis straight up, then clockwise.
  const angle = -Math.PI / 2 + (2 * Math.PI * index) / count
  const distance = (radius * Math.max(0, Math.min(100, value))) / 100
  return [centre + distance * Math.cos(angle), centre + distance * Math.sin(angle)]
}

const coordinates = (points: [number, number][]) =>
  points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')

export function RadarChart({
  axes,
  series,
  title,
  description,
}: {
  axes: string[]
  series: RadarSeries[]
  title: string
  description: string
}) {
  const count = axes.length
  return (
    <svg
      class="radar"
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-labelledby="radar-title"
      aria-describedby="radar-desc"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id="radar-title">{title}</title>
      <desc id="radar-desc">{description}</desc>
      {rings.map((ring) => (
        <polygon class="radar-ring" points={coordinates(axes.map((_, index) => point(index, count, ring)))} />
      ))}
      {axes.map((axis, index) => {
        const [x, y] = point(index, count, 100)
        const [lx, ly] = point(index, count, 118)
        return (
          <>
            <line
              class="radar-axis"
              x1={String(centre)}
              y1={String(centre)}
              x2={x.toFixed(1)}
              y2={y.toFixed(1)}
            />
            <text
              class="radar-label"
              x={lx.toFixed(1)}
              y={(ly + 4).toFixed(1)}
              text-anchor={Math.abs(lx - centre) < 10 ? 'middle' : lx < centre ? 'end' : 'start'}
            >
              {axis}
            </text>
          </>
        )
      })}
      {series.map((line) => (
        <polygon
          class={`radar-series radar-${line.kind}`}
          points={coordinates(line.values.map((value, index) => point(index, count, value ?? 0)))}
        />
      ))}
    </svg>
  )
}
