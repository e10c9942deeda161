import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import type { MessageKey } from '../../../../i18n/i18n.js'
import type { ObjectiveStatus } from '../objective-status.js'

/** The words of each status: the badge, the tables and the documents say the same. */
export const objectiveStatusKeys: Record<ObjectiveStatus, MessageKey> = {
  reached: 'objectives.status.reached',
  on_track: 'objectives.status.on_track',
  behind: 'objectives.status.behind',
  no_data: 'objectives.status.no_data',
}

/** The status as a badge: its words carry the meaning, the colour only repeats them. */
export function ObjectiveStatusBadge({ c, status }: { c: Context<AppEnv>; status: ObjectiveStatus }) {
  return <span class={`badge objective-${status}`}>{c.get('t')(objectiveStatusKeys[status])}</span>
}
