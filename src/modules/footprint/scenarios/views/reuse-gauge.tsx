import { ChartFrame } from '../../views/svg-chart.js'

/**
 * The year's reuse rate as a bar from 0 to 100 %, with the legal target marked: an image with a
 * title and a description (the page states the same figures in words right after it).
 */
const width = 480
const barTop = 22
const barHeight = 24
const left = 10
const right = 10

export function ReuseGauge({
  rate,
  target,
  title,
  description,
  targetLabel,
}: {
  /** 0–1. */
  rate: number
  target: number | null
  title: string
  description: string
  targetLabel: string
}) {
  const span = width - left - right
  const x = (share: number) => left + Math.max(0, Math.min(1, share)) * span
  return (
    <ChartFrame
      id="reuse-gauge"
      class="reuse-gauge"
      width={width}
      height={78}
      title={title}
      description={description}
    >
      <rect
        class="reuse-gauge-track"
        x={String(left)}
        y={String(barTop)}
        width={String(span)}
        height={String(barHeight)}
      />
      <rect
        class="reuse-gauge-rate"
        x={String(left)}
        y={String(barTop)}
        width={(x(rate) - left).toFixed(1)}
        height={String(barHeight)}
      />
      {target === null ? null : (
        <>
          <line
            class="reuse-gauge-target"
            x1={x(target).toFixed(1)}
            x2={x(target).toFixed(1)}
            y1={String(barTop - 8)}
            y2={String(barTop + barHeight + 8)}
          />
          <text class="reuse-gauge-label" x={x(target).toFixed(1)} y="11" text-anchor="middle">
            {targetLabel}
          </text>
        </>
      )}
      <text class="reuse-gauge-label" x={String(left)} y="72">
        0 %
      </text>
      <text class="reuse-gauge-label" x={String(width - right)} y="72" text-anchor="end">
        100 %
      </text>
    </ChartFrame>
  )
}
