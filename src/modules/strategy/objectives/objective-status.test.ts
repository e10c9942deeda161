import { describe, expect, it } from 'vitest'
import { assessObjective, trajectoryValue } from './objective-status.js'

const falling = { baseline: { year: 2020, value: 100 }, targets: [{ year: 2030, value: 60 }] }
/** Two legs: steep to 2024, then gentle to 2030. */
const twoLegs = {
  baseline: { year: 2020, value: 0 },
  targets: [
    { year: 2024, value: 80 },
    { year: 2030, value: 92 },
  ],
}

describe('trajectoryValue', () => {
  it('follows the straight line from the baseline to the first target, then to the next one', () => {
    const { baseline, targets } = twoLegs
    expect(trajectoryValue(baseline, targets, 2020)).toBe(0)
    expect(trajectoryValue(baseline, targets, 2021)).toBe(20)
    expect(trajectoryValue(baseline, targets, 2022)).toBe(40)
    expect(trajectoryValue(baseline, targets, 2024)).toBe(80)
    expect(trajectoryValue(baseline, targets, 2027)).toBeCloseTo(86, 10)
    expect(trajectoryValue(baseline, targets, 2030)).toBe(92)
  })

  it('holds the baseline before it and the last target after the end', () => {
    const { baseline, targets } = twoLegs
    expect(trajectoryValue(baseline, targets, 2015)).toBe(0)
    expect(trajectoryValue(baseline, targets, 2035)).toBe(92)
  })

  it('goes down as well as up', () => {
    expect(trajectoryValue(falling.baseline, falling.targets, 2025)).toBe(80)
    expect(trajectoryValue(falling.baseline, falling.targets, 2028)).toBeCloseTo(68, 10)
  })
})

describe('assessObjective', () => {
  it('says « no data » without a measure after the baseline year, up to the year asked', () => {
    const { baseline, targets } = falling
    expect(assessObjective(baseline, targets, [], 2025).status).toBe('no_data')
    // The baseline year's own value is the starting point, not progress.
    expect(assessObjective(baseline, targets, [{ year: 2020, value: 50 }], 2025).status).toBe('no_data')
    // A measure after the year asked is not known yet in that year.
    expect(assessObjective(baseline, targets, [{ year: 2026, value: 70 }], 2025).status).toBe('no_data')
  })

  it('judges a falling objective: below the line is on track, above it behind, the target met reached', () => {
    const { baseline, targets } = falling
    const onTrack = assessObjective(baseline, targets, [{ year: 2025, value: 78 }], 2026)
    expect(onTrack).toMatchObject({ status: 'on_track', expected: 80, direction: -1 })
    expect(onTrack.measured).toEqual({ year: 2025, value: 78 })
    expect(assessObjective(baseline, targets, [{ year: 2025, value: 85 }], 2026).status).toBe('behind')
    expect(assessObjective(baseline, targets, [{ year: 2025, value: 80 }], 2026).status).toBe('on_track')
    expect(assessObjective(baseline, targets, [{ year: 2027, value: 59 }], 2027).status).toBe('reached')
  })

  it('judges a rising objective the other way round, against the leg of the year measured', () => {
    const { baseline, targets } = twoLegs
    // 2022 on the first leg expects 40; 2027 on the second expects 86.
    expect(assessObjective(baseline, targets, [{ year: 2022, value: 45 }], 2022).status).toBe('on_track')
    expect(assessObjective(baseline, targets, [{ year: 2022, value: 35 }], 2022).status).toBe('behind')
    expect(assessObjective(baseline, targets, [{ year: 2027, value: 85 }], 2027).status).toBe('behind')
    expect(assessObjective(baseline, targets, [{ year: 2027, value: 88 }], 2027)).toMatchObject({
      status: 'on_track',
      direction: 1,
      finalTarget: { year: 2030, value: 92 },
    })
    // Meeting an intermediate target is not reaching the objective.
    expect(assessObjective(baseline, targets, [{ year: 2024, value: 80 }], 2024).status).toBe('on_track')
    expect(assessObjective(baseline, targets, [{ year: 2026, value: 95 }], 2026).status).toBe('reached')
  })

  it('takes the latest measure up to the year asked, whatever the order given', () => {
    const { baseline, targets } = falling
    const measures = [
      { year: 2024, value: 70 },
      { year: 2022, value: 99 },
      { year: 2023, value: 90 },
    ]
    expect(assessObjective(baseline, targets, measures, 2022).status).toBe('behind')
    expect(assessObjective(baseline, targets, measures, 2026)).toMatchObject({
      status: 'on_track',
      measured: { year: 2024, value: 70 },
      expected: 84,
    })
  })

  it('keeps judging after the last target, against the target itself', () => {
    const { baseline, targets } = falling
    expect(assessObjective(baseline, targets, [{ year: 2032, value: 61 }], 2032)).toMatchObject({
      status: 'behind',
      expected: 60,
    })
  })

  it('tolerates the noise of decimal arithmetic on both sides of the line', () => {
    // 0.1 + 0.2 is 0.30000000000000004: a falling objective to 0.3 is met all the same.
    const lowering = { year: 2020, value: 1 }
    expect(
      assessObjective(lowering, [{ year: 2025, value: 0.3 }], [{ year: 2025, value: 0.1 + 0.2 }], 2025)
        .status,
    ).toBe('reached')
    // On the line to within 1e-12 is on the line; a real gap is not noise.
    const raising = { year: 2020, value: 0.1 }
    const targets = [{ year: 2023, value: 0.4 }]
    const expected = trajectoryValue(raising, targets, 2021)
    expect(assessObjective(raising, targets, [{ year: 2021, value: expected - 1e-12 }], 2021).status).toBe(
      'on_track',
    )
    expect(assessObjective(raising, targets, [{ year: 2021, value: expected - 1e-3 }], 2021).status).toBe(
      'behind',
    )
  })

  it('treats a target equal to the baseline as holding the level', () => {
    const baseline = { year: 2020, value: 100 }
    const targets = [{ year: 2025, value: 100 }]
    expect(assessObjective(baseline, targets, [{ year: 2023, value: 100 }], 2023)).toMatchObject({
      status: 'reached',
      direction: 0,
    })
    expect(assessObjective(baseline, targets, [{ year: 2023, value: 97 }], 2023).status).toBe('behind')
  })
})
