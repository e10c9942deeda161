import type { frScenarios } from './fr-scenarios.js'

/** Footprint scenarios and the reuse rate of retired IT in English. */
export const enScenarios: Record<keyof typeof frScenarios, string> = {
  'scenarios.notAvailable': 'not available',
  'scenarios.notFound': 'This scenario does not exist in this workspace.',
  'scenarios.year.label': 'Year',
  'scenarios.year.show': 'Show',
  'scenarios.method.stock': 'stock method',
  'scenarios.method.flux': 'flow method',

  'scenarios.list.title': 'Scenarios',
  'scenarios.list.lead':
    'A scenario asks “what if…?” of the inventory: keeping devices longer, buying refurbished, having fewer, another electricity factor. Each is computed by the same engine as the results and compared with the year’s baseline.',
  'scenarios.list.create': 'Create a scenario',
  'scenarios.list.none': 'No scenario saved yet.',
  'scenarios.list.caption': 'Saved scenarios, compared with the {year} baseline (base {base})',
  'scenarios.list.name': 'Name',
  'scenarios.list.levers': 'Levers',
  'scenarios.list.madeWith': 'Made with base',
  'scenarios.list.otherBase': 'computed with the workspace’s current base',
  'scenarios.list.avoided': 'Avoided ({unit})',
  'scenarios.list.cannotCompute': 'to review',
  'scenarios.list.method':
    'Avoided = baseline − scenario, all phases, for the chosen year; a negative figure means the scenario adds (a higher electricity factor, say). Scenarios are computed with the workspace’s current base and method.',

  'scenarios.form.createTitle': 'New scenario',
  'scenarios.form.editTitle': 'Edit scenario “{name}”',
  'scenarios.form.lead':
    'Fill in the levers you need and leave the others empty. “Preview” computes the scenario without saving it; “Save” keeps it under its name.',
  'scenarios.form.baseUsed': 'The workspace’s factor base: {id} {version}.',
  'scenarios.form.baseLink': 'Factor bases',
  'scenarios.form.name': 'Scenario name',
  'scenarios.form.nameHint': 'Required to save, unique in the workspace (at most 120 characters).',
  'scenarios.form.leversLegend': 'Levers by device type',
  'scenarios.form.leversHint':
    'Years more: lifetime extended for the devices in use during the year (1 = one year, 0.5 = six months, at most 20). Refurbished: share of the year’s new purchases bought refurbished, in %; the manufacturing avoided follows the base’s ratio. Fewer: share of the devices in use taken away, in %, rounded to whole devices. Per agent: at most this many devices per declared agent.',
  'scenarios.form.leversCaption': 'Levers by device type present in the inventory',
  'scenarios.form.extend': 'Years of lifetime more',
  'scenarios.form.refurbished': '% bought refurbished',
  'scenarios.form.fewer': '% fewer devices',
  'scenarios.form.perAgent': 'At most … per agent',
  'scenarios.form.ratioHint': 'ratio {ratio}',
  'scenarios.form.ratiosSummary': 'Refurbished ratios and their source',
  'scenarios.form.source': 'Source',
  'scenarios.form.noRatio': 'no ratio in the base: buying refurbished changes nothing there.',
  'scenarios.form.screenPerAgent': 'One screen per agent',
  'scenarios.form.screenPerAgentHint':
    'At most one screen in use per declared agent ({agents} agents): the screens in excess are taken away, largest lines first.',
  'scenarios.form.noAgents':
    'The “per agent” levers (including “one screen per agent”) need the authority’s staff count.',
  'scenarios.form.declareAgents': 'Declare the number of agents',
  'scenarios.form.electricityLegend': 'Electricity in France',
  'scenarios.form.electricity': 'Another electricity option of the base',
  'scenarios.form.electricityDefault': 'The base’s own ({label})',
  'scenarios.form.electricitySources': 'Sources of the electricity options',
  'scenarios.form.electricityFactor': 'Or a factor of your own, in kgCO2e/kWh',
  'scenarios.form.electricityFactorHint':
    'For example 0.05; climate only, the other criteria keep the base’s. Not together with an option.',
  'scenarios.form.preview': 'Preview',
  'scenarios.form.save': 'Save',
  'scenarios.form.previewTitle': 'Preview for {year}',
  'scenarios.form.previewNotSaved': 'This preview is not saved.',

  'scenarios.error.nameRequired': 'give the scenario a name to save it',
  'scenarios.error.nameLong': 'at most 120 characters',
  'scenarios.error.duplicate':
    'A scenario named “{name}” already exists in this workspace: choose another name.',
  'scenarios.error.number': 'a number is expected, for example 1 or 0.5',
  'scenarios.error.yearsNegative': 'a positive number of years (1 = one year more)',
  'scenarios.error.yearsMax': 'at most 20 years more',
  'scenarios.error.yearsMonths': 'in whole months: 1 = one year, 0.5 = six months, 0.25 = three months',
  'scenarios.error.percent': 'a percentage between 0 and 100',
  'scenarios.error.perAgentNegative': 'a number per agent, zero or more',
  'scenarios.error.noAgents': 'the number of agents is not declared: this lever cannot be computed',
  'scenarios.error.screenPerAgentConflict':
    'contradicts the screens per agent typed in the table: keep one or the other',
  'scenarios.error.electricityUnknown': 'option “{option}” does not exist in the workspace’s base',
  'scenarios.error.electricityBoth': 'an option of the base or a factor of your own, not both',
  'scenarios.error.factorRange': 'a factor between 0 and 2 kgCO2e/kWh',

  'scenarios.notice.created': 'Scenario saved.',
  'scenarios.notice.updated': 'Scenario updated.',
  'scenarios.notice.deleted': 'Scenario deleted.',

  'scenarios.lever.extend': '{type}: lifetime extended (extra years: {years})',
  'scenarios.lever.refurbished':
    '{type}: {percent} % of the year’s new purchases bought refurbished (ratio {ratio}; source: {source})',
  'scenarios.lever.refurbishedNoRatio': '{type}: {percent} % bought refurbished (no ratio in the base)',
  'scenarios.lever.perAgent': '{type}: at most {count} per agent',
  'scenarios.lever.fewer': '{type}: {percent} % fewer devices in use',
  'scenarios.lever.fewerYear': '{type}: {percent} % fewer devices in use, that is {count} this year',
  'scenarios.lever.electricityOption': 'Electricity in France: {label} ({factor} kgCO2e/kWh)',
  'scenarios.lever.electricityFactor': 'Electricity in France: {factor} kgCO2e/kWh',
  'scenarios.lever.none': 'No lever: the scenario is the baseline.',

  'scenarios.view.title': 'Scenario “{name}”',
  'scenarios.view.meta': 'Year {year} · {method} · base {base}',
  'scenarios.view.madeWithSame': 'Made with base {base}, the workspace’s today.',
  'scenarios.view.madeWithOther':
    'This scenario was made with base {madeWith}; the workspace now computes with base {base}. It is computed with the current base, to stay comparable with the workspace’s results: refurbished ratios, electricity factors and options are the current base’s. Save it again to attach it to that base.',
  'scenarios.view.levers': 'Levers',
  'scenarios.view.edit': 'Edit',
  'scenarios.view.delete': 'Delete',
  'scenarios.view.comparison': 'Baseline and scenario in {year}',
  'scenarios.view.byPhase': 'By phase',
  'scenarios.view.byType': 'By device type',
  'scenarios.view.ratios': 'Refurbished ratios used',
  'scenarios.view.notes': 'Good to know',
  'scenarios.view.back': 'Back to the scenarios',
  'scenarios.view.agentsMissing':
    'This scenario caps devices per agent, and the workspace no longer has a declared number of agents: it cannot be computed. Declare the number of agents on the workspace page, or edit the scenario.',
  'scenarios.view.invalidForBase': 'This scenario no longer fits the workspace’s current base; edit it:',

  'scenarios.avoided.saved': 'Avoided: {value}, that is {percent} of the baseline.',
  'scenarios.avoided.added': 'Added: {value}, that is {percent} of the baseline.',
  'scenarios.avoided.fromTo': '(baseline {baseline}, scenario {scenario})',

  'scenarios.phase.manufacturing': 'Manufacturing',
  'scenarios.phase.distribution': 'Distribution',
  'scenarios.phase.use': 'Use',
  'scenarios.phase.endOfLife': 'End of life',
  'scenarios.phase.total': 'Total',

  'scenarios.table.byPhase': 'By phase:',
  'scenarios.table.byType': 'By device type, all phases:',
  'scenarios.table.phase': 'Phase',
  'scenarios.table.type': 'Type',
  'scenarios.table.baseline': 'Baseline',
  'scenarios.table.scenario': 'Scenario',
  'scenarios.table.avoided': 'Avoided',
  'scenarios.table.percent': 'Avoided (%)',

  'scenarios.chart.title': 'Baseline and scenario by phase: {criterion} ({unit})',
  'scenarios.chart.desc': 'Horizontal bars, baseline then scenario for each phase, in {unit}: {phases}.',
  'scenarios.chart.descPhase': '{phase}: baseline {baseline}, scenario {scenario}',

  'scenarios.delete.title': 'Delete scenario “{name}”?',
  'scenarios.delete.text':
    'The scenario and its levers will be deleted; the inventory and the results do not change. The workspace’s log keeps a record of the deletion.',
  'scenarios.delete.confirm': 'Delete for good',
  'scenarios.delete.cancel': 'Cancel and go back to the scenario',

  'reuse.title': 'Reuse of retired equipment',
  'reuse.lead':
    'Share of the IT equipment retired during the year that is sent to reuse, computed from the inventory, against the legal target.',
  'reuse.legal':
    'Law no. 2021-1485 of 15 November 2021 on reducing the environmental footprint of digital technology (REEN), article 16; decree no. 2023-266. Targets: {targets}.',
  'reuse.legal.targetIn': '{percent} in {year}',
  'reuse.legal.targetFrom': '{percent} from {year}',
  'reuse.rateTitle': 'Reuse rate {year}',
  'reuse.rate': 'Reuse rate: {rate} ({reused} devices reused out of {eligible} concerned)',
  'reuse.empty': 'No device concerned was retired in {year}: the rate cannot be computed.',
  'reuse.emptyHint':
    'A device counts when the inventory has it “retired”, with its retirement date in the year and, when reused, its route (transfer, sale, donation, approved take-back).',
  'reuse.gauge.title': 'Reuse rate {year} and target',
  'reuse.gauge.desc': 'Bar from 0 to 100 % filled up to {rate}; the target is marked at {target}.',
  'reuse.gauge.descNoTarget': 'Bar from 0 to 100 % filled up to {rate}; no legal target this year.',
  'reuse.gauge.target': 'target {target}',
  'reuse.target': 'Legal target {year}: {target}.',
  'reuse.noTarget': 'No legal target in {year}: the targets start in 2023.',
  'reuse.met': 'Target met.',
  'reuse.notMet': 'Target not met.',

  'reuse.countsTitle': 'What is counted',
  'reuse.counts.caption': 'Devices concerned retired in {year}',
  'reuse.counts.what': 'Devices',
  'reuse.counts.items': 'Lines',
  'reuse.counts.quantity': 'Devices',
  'reuse.counts.eligible': 'Concerned, retired during the year',
  'reuse.counts.reused': 'Sent to reuse',
  'reuse.routes.caption': 'Devices concerned retired in {year}, by route',
  'reuse.routes.route': 'Route',
  'reuse.routes.counts': 'Counts as reuse',
  'reuse.routes.yes': 'yes',
  'reuse.routes.no': 'no',
  'reuse.types.caption': 'Devices concerned retired in {year}, by type (devices)',
  'reuse.types.type': 'Type',
  'reuse.types.rate': 'Rate',

  'reuse.excludedTitle': 'What is left out',
  'reuse.excluded.none': 'No device left out for {year}.',
  'reuse.excluded.outOfScope':
    'Type not concerned by the decree (neither a screen over 100 cm² nor small IT and telecommunication equipment)',
  'reuse.excluded.overTenYears': 'More than ten years old on the day it was retired',
  'reuse.excluded.sensitiveData': 'Classified or sensitive information',
  'reuse.excluded.notRetired':
    'Retirement date in the year but status other than “retired” (a planned date?)',
  'reuse.excluded.retiredWithoutDate':
    'Retired without a retirement date: its year is unknown (listed whatever the year)',
  'reuse.count': '{items} line(s), {quantity} device(s).',
  'reuse.firstItems': 'First lines:',
  'reuse.itemLink': 'line {line}',
  'reuse.andMore': 'and {count} more',

  'reuse.assumptionsTitle': 'Assumptions',
  'reuse.assumption.unknownPurchaseDate':
    'No purchase date: its age cannot be checked, the device is counted as concerned',
  'reuse.assumption.unknownDisposal': 'No route (or “unknown”): counted as concerned, not reused',
  'reuse.assumption.sensitive':
    'The decree leaves out devices holding classified or sensitive information; the inventory has no field to say so: none is left out on that ground.',
  'reuse.assumption.cohort':
    'A “cohort” rate: of the devices retired during the year, the share sent to reuse. The decree’s formula divides the devices sent to reuse during the year by the retired devices held on 1 January; the inventory records neither when a retired device left nor what was held on 1 January. Both rates agree when a year’s retired devices are dealt with together.',
  'reuse.assumption.proof':
    'The route records the commitment to reuse; the proof (certificate of transfer, donation or take-back) stays in your files.',

  'reuse.scopeTitle': 'Devices concerned',
  'reuse.scope.rule':
    'Concerned: devices retired during the year (status “retired”, retirement date from 1 January to 31 December), at most ten years old on that day, of categories 2° (screens and equipment with a screen over 100 cm²) and 6° (small IT and telecommunication equipment) of article R. 543-172 of the French environmental code.',
  'reuse.scope.routes': 'Count as reuse: {routes}.',
  'reuse.scope.caption': 'The inventory’s device types and the decree',
  'reuse.scope.included': 'Concerned',
  'reuse.scope.category': 'Category',
  'reuse.scope.basis': 'Why',
  'reuse.scope.yes': 'yes',
  'reuse.scope.no': 'no',
}
