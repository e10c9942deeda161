import type { PropsWithChildren } from 'hono/jsx'

/**
 * The frame every footprint chart shares: an inline SVG read as one image (role="img") named by
 * its <title> and described by its <desc>, so that a screen reader announces it whole. The page
 * always puts the same figures in a table or in words next to it.
 */
/** What names a chart for every reader: its id in the page, its title and its description. */
export interface ChartLabels {
  /** Unique in the page: the title's and description's ids derive from it. */
  id: string
  title: string
  description: string
}

export function ChartFrame({
  id,
  class: className,
  width,
  height,
  title,
  description,
  children,
}: PropsWithChildren<ChartLabels & { class: string; width: number; height: number }>) {
  return (
    <svg
      class={className}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {children}
    </svg>
  )
}

/**
 * A bar's length on a scale where the largest value fills `extent`: none for a missing value, or
 * when nothing is above zero (no division by zero).
 */
export function barLength(value: number | null, largest: number, extent: number): number {
  return value !== null && largest > 0 ? (extent * value) / largest : 0
}
