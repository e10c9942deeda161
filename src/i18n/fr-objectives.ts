/** Objectives, their trajectory and the decree axes overview (French, the reference). */
export const frObjectives = {}
