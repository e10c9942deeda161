import { describe, expect, it } from 'vitest'
import { readBundledReferentials } from '../../referential/bundled-referentials.js'
import { objectiveFormValues, parseObjectiveForm } from './objective-form.js'

const referential = readBundledReferentials().find((candidate) => candidate.version === '2026.1')
if (!referential) throw new Error('the bundled referential 2026.1 is missing')

const valid = {
  indicator: '4.1',
  title: 'Réduire l’empreinte carbone',
  axis: '2',
  baselineYear: '2024',
  baselineValue: '1 250,5',
  target1Year: '2030',
  target1Value: '900',
  target2Year: '2027',
  target2Value: '1 100',
  comment: '',
}

describe('the objective form', () => {
  it('reads French numbers, ignores empty rows and sorts the targets by year', () => {
    const parsed = parseObjectiveForm({ ...valid, target3Year: ' ', target3Value: '' }, referential)
    expect(parsed).toEqual({
      ok: true,
      input: {
        indicatorId: '4.1',
        title: 'Réduire l’empreinte carbone',
        decreeAxis: 2,
        baseline: { year: 2024, value: 1250.5 },
        targets: [
          { year: 2027, value: 1100 },
          { year: 2030, value: 900 },
        ],
        comment: null,
      },
    })
  })

  it('gives the form back as it was typed, for editing', () => {
    const parsed = parseObjectiveForm(valid, referential)
    if (!parsed.ok) throw new Error('valid form refused')
    const again = parseObjectiveForm(objectiveFormValues(parsed.input), referential)
    expect(again).toEqual(parsed)
    expect(objectiveFormValues(parsed.input).baselineValue).toBe('1250,5')
  })

  it('names each problem on its own field, all at once', () => {
    const parsed = parseObjectiveForm(
      {
        indicator: '9.9',
        title: '  ',
        axis: '7',
        baselineYear: '24',
        baselineValue: 'beaucoup',
        target1Year: '2022',
        target1Value: '10',
        target2Year: '2030',
        target2Value: '',
        target3Year: '',
        target3Value: '5',
      },
      referential,
    )
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.problems).toEqual({
      indicator: { key: 'objectives.error.indicatorUnknown', params: { id: '9.9' } },
      title: { key: 'objectives.error.titleRequired' },
      axis: { key: 'objectives.error.axisUnknown', params: { axis: '7', first: 1, last: 6 } },
      baselineYear: { key: 'objectives.error.year' },
      baselineValue: { key: 'objectives.error.number' },
      target2Value: { key: 'objectives.error.targetValueRequired', params: { row: 2 } },
      target3Year: { key: 'objectives.error.targetYearRequired', params: { row: 3 } },
    })
  })

  it('refuses a target year before or at the baseline year, twice the same year, or no target', () => {
    const check = (form: Record<string, string>) => {
      const parsed = parseObjectiveForm({ ...valid, ...form }, referential)
      return parsed.ok ? 'ok' : parsed.problems
    }
    expect(check({ target1Year: '2022' })).toEqual({
      target1Year: { key: 'objectives.error.targetBeforeBaseline', params: { year: 2022, baseline: 2024 } },
    })
    expect(check({ target2Year: '2024' })).toEqual({
      target2Year: { key: 'objectives.error.targetAtBaseline', params: { year: 2024 } },
    })
    expect(check({ target2Year: '2030' })).toEqual({
      target2Year: { key: 'objectives.error.targetYearTwice', params: { year: 2030 } },
    })
    expect(check({ target1Year: '', target1Value: '', target2Year: '', target2Value: '' })).toEqual({
      target1Year: { key: 'objectives.error.targetsRequired' },
    })
    expect(check({ indicator: '' })).toEqual({ indicator: { key: 'objectives.error.indicatorRequired' } })
    expect(check({ axis: '' })).toBe('ok')
  })
})
