import type { frObjectives } from './fr-objectives.js'

/** Objectives, their trajectory and the decree axes overview, in English. */
export const enObjectives: Record<keyof typeof frObjectives, string> = {}
