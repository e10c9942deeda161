import type { ActionStatus } from '../../../../db/schema.js'
import { ChartFrame, type ChartLabels } from '../../../footprint/views/svg-chart.js'
import { ganttBar, ganttHeight, ganttLayout, monthStarts, svgNumber } from '../gantt.js'

/**
 * The action plan's timeline for one year (server-rendered SVG): months across, one row per action
 * with its bar and a text label naming the action and its status. Status is told three ways: the
 * label's words, the bar's fill (colour or pattern) and its outline, so that neither colour vision
 * nor a monochrome print is needed. The page puts the same facts in a table after it.
 */

export interface GanttRow {
  id: number
  title: string
  status: ActionStatus
  statusLabel: string
  startDate: string | null
  endDate: string | null
}

interface BarStyle {
  fill: (id: string) => string
  stroke: string
  dash?: string
}

// Presentation attributes rather than classes: the chart reads the same in the page and in a copy.
// The SVG has no width of its own: it takes the page's (the shared .chart class would cap it at 40rem).
const barStyles: Record<ActionStatus, BarStyle> = {
  a_planifier: { fill: () => '#ffffff', stroke: '#4a5560', dash: '4 3' },
  planifiee: { fill: (id) => `url(#${id}-hatch)`, stroke: '#0b5d4b' },
  en_cours: { fill: () => '#0b5d4b', stroke: '#07392e' },
  realisee: { fill: () => '#0a5a8c', stroke: '#073f63' },
  abandonnee: { fill: (id) => `url(#${id}-cross)`, stroke: '#4a5560' },
}

const barHeight = 14
const labelMax = 70

/** A 12px label's width, roughly (an average glyph): enough to keep labels inside the picture. */
const labelWidth = (characters: number) => characters * 6.6

/**
 * Where a bar's label goes: from the bar's start when it fits; else ending where the bar ends;
 * else from the plot's left edge.
 */
function labelPlace(
  barStart: number,
  barEnd: number,
  characters: number,
): { x: number; anchor: 'start' | 'end' } {
  const needed = labelWidth(characters)
  if (barStart + needed <= ganttLayout.width) return { x: barStart, anchor: 'start' }
  if (barEnd - needed >= 0) return { x: barEnd, anchor: 'end' }
  return { x: ganttLayout.left, anchor: 'start' }
}

const shortTitle = (title: string) => (title.length <= labelMax ? title : `${title.slice(0, labelMax - 1)}…`)

export function GanttChart({
  year,
  rows,
  legend,
  monthLabels,
  ...labels
}: ChartLabels & {
  year: number
  rows: GanttRow[]
  /** Every status with its words, in the plan's order. */
  legend: { status: ActionStatus; label: string }[]
  /** The 12 month names, short. */
  monthLabels: string[]
}) {
  const { id } = labels
  const { width, left, plotWidth, headerHeight, rowHeight } = ganttLayout
  const height = ganttHeight(rows.length)
  const months = monthStarts(year)
  const legendStep = plotWidth / legend.length
  return (
    <ChartFrame {...labels} class="chart-gantt" width={width} height={height}>
      <defs>
        <pattern
          id={`${id}-hatch`}
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#0b5d4b" stroke-width="3" />
        </pattern>
        <pattern id={`${id}-cross`} width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" fill="#eef0f2" />
          <path d="M0 0L8 8M8 0L0 8" stroke="#4a5560" stroke-width="1" />
        </pattern>
      </defs>
      {legend.map((entry, index) => {
        const style = barStyles[entry.status]
        const x = left + legendStep * index
        return (
          <g>
            <rect
              x={svgNumber(x)}
              y="6"
              width="24"
              height={String(barHeight)}
              fill={style.fill(id)}
              stroke={style.stroke}
              stroke-dasharray={style.dash}
            />
            <text class="chart-label" x={svgNumber(x + 30)} y="17">
              {entry.label}
            </text>
          </g>
        )
      })}
      {months.map((month) => (
        <g>
          <line
            x1={svgNumber(month.x)}
            y1={String(headerHeight - 20)}
            x2={svgNumber(month.x)}
            y2={String(height - ganttLayout.bottom)}
            stroke="#c9d3cf"
          />
          <text
            class="chart-label"
            x={svgNumber(month.x + month.width / 2)}
            y={String(headerHeight - 6)}
            text-anchor="middle"
          >
            {monthLabels[month.month]}
          </text>
        </g>
      ))}
      <line
        x1={svgNumber(left + plotWidth)}
        y1={String(headerHeight - 20)}
        x2={svgNumber(left + plotWidth)}
        y2={String(height - ganttLayout.bottom)}
        stroke="#c9d3cf"
      />
      {rows.map((row, index) => {
        const bar = ganttBar(row.startDate, row.endDate, year)
        if (!bar) return null
        const style = barStyles[row.status]
        const top = headerHeight + index * rowHeight
        const label = `${bar.startsBefore ? '◀ ' : ''}${shortTitle(row.title)} — ${row.statusLabel}${bar.endsAfter ? ' ▶' : ''}`
        const place = labelPlace(bar.x, bar.x + bar.width, label.length)
        return (
          <g>
            {/* A white halo keeps the label readable across the month lines. */}
            <text
              class="chart-label"
              x={svgNumber(place.x)}
              y={String(top + 14)}
              text-anchor={place.anchor}
              paint-order="stroke"
              stroke="#ffffff"
              stroke-width="3"
            >
              {label}
            </text>
            <rect
              data-action={String(row.id)}
              x={svgNumber(bar.x)}
              y={String(top + 20)}
              width={svgNumber(bar.width)}
              height={String(barHeight)}
              fill={style.fill(id)}
              stroke={style.stroke}
              stroke-dasharray={style.dash}
            />
          </g>
        )
      })}
    </ChartFrame>
  )
}
