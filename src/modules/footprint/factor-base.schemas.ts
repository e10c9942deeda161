import { z } from 'zod'
import { type DeviceType, deviceTypes } from './inventory-item.js'

/**
 * The factor bases' file format (`factor-bases/*.yaml`, decision 011, docs/footprint-method.md).
 * Keys are English and camelCase, texts French, like the referential's (decision 009). A file that
 * does not match is refused whole, with every problem, its path and its line (factor-bases.ts).
 *
 * A figure that the source does not give is written `null`: the engine shows it « non disponible »,
 * never as 0 — a missing water figure is not an absence of water.
 */

const text = z.string().trim().min(1)

/** The phases a base gives figures for; the use phase is computed from power, hours and electricity. */
export const embodiedPhases = ['manufacturing', 'distribution', 'endOfLife'] as const
export type EmbodiedPhase = (typeof embodiedPhases)[number]

/** Criterion id → figure in the criterion's unit, or null when the source gives none. */
const figuresSchema = z.record(z.string(), z.number().nonnegative().nullable())

const criterionSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'identifiant en camelCase, par exemple climate'),
    label: text,
    /** Unit of every figure of this criterion, per device (`kgCO2e`, `L`). */
    unit: text,
    note: text.optional(),
  })
  .strict()

const deviceSchema = z
  .object({
    label: text,
    /** Which row of the source the figures come from, and why that row. */
    mapping: text,
    /** Figures per phase and criterion, per device; null for a type the base has no figures for. */
    factors: z
      .object({ manufacturing: figuresSchema, distribution: figuresSchema, endOfLife: figuresSchema })
      .strict()
      .nullable(),
    /** Default lifetime when an item gives neither dates nor its own lifetime. */
    lifetimeYears: z.number().min(1, 'au moins 1 an').nullable(),
    /** Power while in use; null when the source gives none (the use phase then needs a measured kWh). */
    activePowerW: z.number().nonnegative().nullable(),
    hoursPerDay: z.number().nonnegative().max(24, 'au plus 24 h par jour').nullable(),
    /** When the entry's figures come from elsewhere than the base's `source`, or say more. */
    source: text.optional(),
    licence: text.optional(),
    note: text.optional(),
  })
  .strict()

const electricityOptionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'lettres minuscules, chiffres et tirets'),
    label: text,
    /** ISO 3166-1 alpha-2 country, or a wider area (`EU27`). */
    area: z.string().regex(/^[A-Z][A-Z0-9]+$/, 'code en capitales, par exemple FR'),
    year: z.number().int().nullable(),
    /** Criterion id → figure per kWh (kgCO2e/kWh, L/kWh…), or null when not available. */
    perKwh: figuresSchema,
    source: text,
    licence: text,
    note: text.optional(),
  })
  .strict()

const avoidedImpactSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'lettres minuscules, chiffres et tirets'),
    /** Buying refurbished instead of new, or keeping a device `years` longer. */
    kind: z.enum(['refurbished', 'lifetimeExtension']),
    type: text,
    criterion: text,
    /** Avoided impact per device, in the criterion's unit. */
    perUnit: z.number().nonnegative(),
    years: z.number().positive().optional(),
    /** The figure as published, in its own words and units. */
    published: text,
    source: text,
    licence: text,
  })
  .strict()

const baseFactorBaseSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'lettres minuscules, chiffres et tirets'),
    /** Never reused: results record the base id and version they were computed with. */
    version: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.-]{0,31}$/, 'lettres, chiffres, points et tirets'),
    title: text,
    source: text,
    licence: text,
    criteria: z.array(criterionSchema).nonempty(),
    devices: z.record(z.string(), deviceSchema),
    electricity: z
      .object({
        /** The country whose factors apply to an item of unknown country (flagged). */
        fallbackCountry: z.string().regex(/^[A-Z]{2}$/, 'code pays ISO à deux lettres, par exemple FR'),
        /** Country → id of the option used by default for it. */
        countries: z.record(z.string().regex(/^[A-Z]{2}$/, 'code pays ISO à deux lettres'), z.string()),
        options: z.array(electricityOptionSchema).nonempty(),
        /** Why a criterion has no figure per kWh, when one has none. */
        note: text.optional(),
      })
      .strict(),
    avoidedImpacts: z.array(avoidedImpactSchema),
  })
  .strict()

type RawFactorBase = z.infer<typeof baseFactorBaseSchema>
type Issue = { path: (string | number)[]; message: string }

/** Checks what the shape cannot: every type present, every criterion everywhere, references resolve. */
function crossReferenceIssues(base: RawFactorBase): Issue[] {
  const issues: Issue[] = []
  const criterionIds = base.criteria.map((criterion) => criterion.id)
  const known = new Set<string>()
  base.criteria.forEach((criterion, index) => {
    if (known.has(criterion.id))
      issues.push({ path: ['criteria', index, 'id'], message: `critère « ${criterion.id} » déjà défini` })
    known.add(criterion.id)
  })
  /** Every criterion once, nothing else: a missing water figure is written null, never left out. */
  const checkFigures = (figures: Record<string, number | null>, path: (string | number)[]) => {
    // A malformed entry has its shape problem already; the others are still worth checking.
    if (typeof figures !== 'object' || figures === null) return
    for (const id of criterionIds)
      if (!(id in figures))
        issues.push({ path, message: `critère « ${id} » manquant (écrire null s’il n’est pas disponible)` })
    for (const id of Object.keys(figures))
      if (!known.has(id)) issues.push({ path: [...path, id], message: `critère « ${id} » inconnu` })
  }

  for (const type of deviceTypes)
    if (!(type in base.devices))
      issues.push({
        path: ['devices'],
        message: `type « ${type} » manquant (factors: null s’il n’a pas de facteurs)`,
      })
  for (const [type, device] of Object.entries(base.devices)) {
    const path = ['devices', type]
    if (!(deviceTypes as readonly string[]).includes(type)) {
      issues.push({ path, message: `type « ${type} » inconnu (types connus : ${deviceTypes.join(', ')})` })
      continue
    }
    if (device.factors) {
      for (const phase of embodiedPhases) checkFigures(device.factors[phase], [...path, 'factors', phase])
      if (device.lifetimeYears === null)
        issues.push({
          path: [...path, 'lifetimeYears'],
          message: 'durée de vie requise quand le type a des facteurs',
        })
    }
    if ((device.activePowerW === null) !== (device.hoursPerDay === null))
      issues.push({
        path: [...path, device.activePowerW === null ? 'activePowerW' : 'hoursPerDay'],
        message: 'puissance et heures par jour vont ensemble : les deux ou aucune',
      })
  }

  const optionAreas = new Map<string, string>()
  base.electricity.options.forEach((option, index) => {
    const path = ['electricity', 'options', index]
    if (optionAreas.has(option.id))
      issues.push({ path: [...path, 'id'], message: `option « ${option.id} » déjà définie` })
    optionAreas.set(option.id, option.area)
    checkFigures(option.perKwh, [...path, 'perKwh'])
  })
  for (const [country, optionId] of Object.entries(base.electricity.countries)) {
    const area = optionAreas.get(optionId)
    if (area === undefined)
      issues.push({
        path: ['electricity', 'countries', country],
        message: `option « ${optionId} » inconnue`,
      })
    else if (area !== country)
      issues.push({
        path: ['electricity', 'countries', country],
        message: `l’option « ${optionId} » vaut pour ${area}, pas pour ${country}`,
      })
  }
  if (!(base.electricity.fallbackCountry in base.electricity.countries))
    issues.push({
      path: ['electricity', 'fallbackCountry'],
      message: `pays « ${base.electricity.fallbackCountry} » sans option dans electricity.countries`,
    })

  const avoidedIds = new Set<string>()
  base.avoidedImpacts.forEach((avoided, index) => {
    const path = ['avoidedImpacts', index]
    if (avoidedIds.has(avoided.id))
      issues.push({ path: [...path, 'id'], message: `« ${avoided.id} » déjà défini` })
    avoidedIds.add(avoided.id)
    if (!(deviceTypes as readonly string[]).includes(avoided.type))
      issues.push({ path: [...path, 'type'], message: `type « ${avoided.type} » inconnu` })
    if (!known.has(avoided.criterion))
      issues.push({ path: [...path, 'criterion'], message: `critère « ${avoided.criterion} » inconnu` })
    if ((avoided.kind === 'lifetimeExtension') !== (avoided.years !== undefined))
      issues.push({
        path: [...path, 'years'],
        message: 'years est requis pour lifetimeExtension, et seulement pour lui',
      })
  })
  return issues
}

/**
 * The cross-reference checks run even when the shape has problems (zod would skip them), so that a
 * writer sees a missing type and a negative figure in the same pass; a file too broken to walk gets
 * its shape problems only (as for the referential).
 */
export const factorBaseSchema = baseFactorBaseSchema.superRefine(
  (base, context) => {
    let issues: Issue[]
    try {
      issues = crossReferenceIssues(base)
    } catch {
      return
    }
    for (const issue of issues) context.addIssue({ code: 'custom', ...issue })
  },
  { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
)

export type DeviceFactors = z.infer<typeof deviceSchema>
export type Criterion = z.infer<typeof criterionSchema>
export type ElectricityOption = z.infer<typeof electricityOptionSchema>
export type AvoidedImpact = z.infer<typeof avoidedImpactSchema>

/** A checked base: the cross-checks guarantee one entry per device type. */
export type FactorBase = Omit<RawFactorBase, 'devices'> & { devices: Record<DeviceType, DeviceFactors> }
