import type { frFootprintMethod } from './fr-footprint-method.js'

/** The footprint's public methodology page and the workspace API tokens in English. */
export const enFootprintMethod: Record<keyof typeof frFootprintMethod, string> = {
  'footprintMethod.title': 'How the IT estate footprint is computed',
  'footprintMethod.lead':
    'Everything needed to redo our figures by hand: the engine’s rules and the default factor base, “{title}” ({id}, version {version}). The figures on this page are read from the code and from the published base, never copied by hand.',
  'footprintMethod.toc': 'Contents',
  'footprintMethod.notAvailableShort': 'n/a',
  'footprintMethod.unit.years': 'years',
  'footprintMethod.unit.hoursPerDay': 'h/day',
  'footprintMethod.unit.year': 'year',
  'footprintMethod.unit.days': 'days',

  'footprintMethod.criteria.title': 'Criteria and units',
  'footprintMethod.criteria.text':
    'Each device is assessed on {count} criteria, each in its own unit, per device:',

  'footprintMethod.phases.title': 'The four phases',
  'footprintMethod.phases.manufacturing':
    'Manufacturing: raw materials, components, assembly (the base’s figure, per device).',
  'footprintMethod.phases.distribution':
    'Distribution: transport to the buyer (the base’s figure, per device).',
  'footprintMethod.phases.use': 'Use: the electricity consumed in the year (computed, see “Use phase”).',
  'footprintMethod.phases.endOfLife':
    'End of life: collection and treatment (the base’s figure, per device).',
  'footprintMethod.phase.manufacturing': 'Manufacturing',
  'footprintMethod.phase.distribution': 'Distribution',
  'footprintMethod.phase.use': 'Use',
  'footprintMethod.phase.endOfLife': 'End of life',
  'footprintMethod.phase.total': 'Total',

  'footprintMethod.methods.title': 'Two methods: stock and flux',
  'footprintMethod.methods.stock':
    'Stock (default): every device counted in the year carries its manufacturing, distribution and end of life spread over its lifetime: figure × quantity ÷ lifetime, in every year it is in service, devices in storage included.',
  'footprintMethod.methods.flux':
    'Flux: only the devices bought in the year (purchase date in the year) carry their manufacturing, distribution and end of life, in full: figure × quantity. Devices bought earlier, or without a purchase date, carry their use only.',
  'footprintMethod.methods.useSame': 'Use is yearly: it is the same in both methods.',
  'footprintMethod.period.title': 'Which devices count in a year?',
  'footprintMethod.period.inUse':
    'A device is in service from its purchase date (included) to its retirement date (excluded: the first day out of service).',
  'footprintMethod.period.boughtAfter': 'Bought after the year (from the next 1 January): not counted.',
  'footprintMethod.period.retiredBefore':
    'Retired before the year (retirement on 1 January of the year or earlier): not counted.',
  'footprintMethod.period.noPurchase': 'No purchase date: counted as in service during the year.',
  'footprintMethod.period.retiredWithoutDate':
    'Status “retired” without a retirement date: not counted, and flagged (nothing says it was in service); adding the date counts it.',
  'footprintMethod.period.wholeYear':
    'Otherwise counted for the whole year, with no proration by days: the rule can be redone with a calculator.',

  'footprintMethod.lifetime.title': 'Lifetime',
  'footprintMethod.lifetime.dates':
    'Purchase and retirement dates both known (retirement after purchase): the years between them, whole months as twelfths of a year and the remaining days as days ÷ 365.25 (15/03/2021 to 15/09/2024: 3.5 years).',
  'footprintMethod.lifetime.item': 'Otherwise, the lifetime the inventory gives for the device.',
  'footprintMethod.lifetime.type': 'Otherwise, the type’s default lifetime in the base (table below).',
  'footprintMethod.lifetime.floor':
    'Never below one year: a device is never written off in less than a year.',

  'footprintMethod.use.title': 'Use phase',
  'footprintMethod.use.formula':
    'kWh a year = the annual consumption given by the inventory, otherwise power (W) × hours a day × 365 ÷ 1,000 (the type’s values in the base); × the PUE of the datacenter for a hosted device (the electricity is then that of the datacenter’s country; unknown datacenter: PUE 1); × the country’s electricity factor; × the quantity.',
  'footprintMethod.use.country':
    'A country the base does not know takes the fallback country’s factor ({fallback}: {factor} {unit}) and is flagged.',
  'footprintMethod.use.stock': 'Devices in storage have no use.',

  'footprintMethod.refurbished.title': 'Refurbished devices',
  'footprintMethod.refurbished.rule':
    'A device bought refurbished avoids making a new one, not its transport nor its end of life: its manufacturing, for every criterion, is manufacturing × (1 − r), r being the published avoided impact (MiNumEco, from ADEME) ÷ a new device’s manufacturing:',
  'footprintMethod.refurbished.default':
    'Types without their own figure: the smallest ratio of the base, {ratio} ({type}), a cautious assumption. The ratio published for climate is applied to the other criteria.',
  'footprintMethod.refurbished.none':
    'The base publishes no avoided impact for refurbished devices: they count as new.',

  'footprintMethod.unavailable.title': '“Not available” is not zero',
  'footprintMethod.unavailable.text':
    'A figure the base does not give (null), or a use phase without power nor measured consumption, is “not available”, never 0. Each result gives the sum of what is available and the number of devices left out; it is “not available” only when nothing was available. A 0 is a real zero (the use of devices in storage).',
  'footprintMethod.unavailable.flags': 'Each result flags, with the lines concerned:',
  'footprintMethod.flag.noFactor':
    'type without factors in the base (“other”): counted, its figures not available.',
  'footprintMethod.flag.unknownCountry':
    'country without an electricity factor in the base: the fallback country’s factor ({fallback}).',
  'footprintMethod.flag.unknownDatacenter': 'unknown datacenter: PUE 1 and the device’s own country.',
  'footprintMethod.flag.noUseProfile': 'no power in the base and no measured consumption: use not available.',
  'footprintMethod.flag.retiredWithoutDate': 'retired without a retirement date: not counted.',

  'footprintMethod.perCapita.title': 'Per agent and per inhabitant',
  'footprintMethod.perCapita.text':
    'The year’s total ÷ the staff (FTE) declared on the territory’s page, and ÷ the territory’s population (total population, else municipal, INSEE). Without one of these counts, the matching figure is not given.',

  'footprintMethod.base.title': 'The default factor base',
  'footprintMethod.base.intro':
    '“{title}”, id {id}, version {version}: the latest published version of the default base. A published version is never edited; every result keeps the base and version it was computed with.',
  'footprintMethod.base.source': 'Source',
  'footprintMethod.base.licence': 'Licence',
  'footprintMethod.base.caption':
    'Factors per device type, version {version} (per device; {na}: not available)',
  'footprintMethod.base.type': 'Type',
  'footprintMethod.base.mapping': 'Source row',
  'footprintMethod.base.lifetime': 'Lifetime (years)',
  'footprintMethod.base.power': 'Power × hours',
  'footprintMethod.base.perPhase': '{criterion} ({unit}): manufacturing / distribution / end of life',
  'footprintMethod.base.noFactors': 'no factors',

  'footprintMethod.electricity.title': 'Electricity factors',
  'footprintMethod.electricity.text':
    'One default factor per country; the others, published and sourced, are for scenarios and comparisons. An unknown country takes the factor of {fallback}.',
  'footprintMethod.electricity.caption': 'Electricity options of the base, version {version}',
  'footprintMethod.electricity.option': 'Option',
  'footprintMethod.electricity.factor': 'Factor',
  'footprintMethod.electricity.source': 'Source and licence',
  'footprintMethod.electricity.default': 'default for {countries}',

  'footprintMethod.example.title': 'Example: one laptop over its lifetime',
  'footprintMethod.example.item':
    'A laptop bought on 1 January 2020 and retired on 1 January 2025 (5 years), used in France ({factor} {unit}), criterion “{criterion}”, stock method, computed here by the engine with the base above:',
  'footprintMethod.example.caption': 'The year {year}, phase by phase',
  'footprintMethod.example.phase': 'Phase',
  'footprintMethod.example.formula': 'Computation',
  'footprintMethod.example.stock':
    'Each year from {first} to {last} counts {perYear} {unit}; over the {count} years: {total} {unit}.',
  'footprintMethod.example.flux':
    'Flux method: {first} {unit} in the purchase year (manufacturing, distribution and end of life in full, plus one year of use), then {later} {unit} a year; over the lifetime: {total} {unit}.',
  'footprintMethod.example.limit':
    'Without proration by days, a device whose life straddles calendar years (bought in June, retired in June five years later) counts in six years: the stock method may then count one annual share more than its manufacturing.',

  'footprintMethod.scenarios.title': 'Scenarios and reuse rate',
  'footprintMethod.scenarios.levers':
    'Scenarios rerun the same computation with levers: a longer lifetime for a type, a refurbished share of purchases, fewer devices (per agent or in number), another electricity factor. The difference from the baseline is the impact avoided.',
  'footprintMethod.reuse.text':
    'Reuse rate (REEN law, art. 16; decree no. 2023-266): among the devices concerned retired in the year, the share whose disposal is one of the {routes} reuse routes (transfer, sale, donation, approved take-back). Targets: {targets}.',
  'footprintMethod.reuse.target': '{rate} from {year}',
  'footprintMethod.reuse.scope':
    'Concerned (categories 2° and 6°): {concerned}. Excluded: {excluded}, devices over ten years old when retired, and those the territory marks as holding sensitive data. Without a purchase date a device counts; without a disposal route it counts as not reused.',
  'footprintMethod.reuse.obligation': 'The reuse obligation in the catalogue of obligations',

  'footprintMethod.resources.title': 'Bases and templates to download',
  'footprintMethod.resources.defaultBase': 'The default base, version {version}, to read and download',
  'footprintMethod.resources.bases': 'Every published factor base, to read and download',
  'footprintMethod.resources.template': 'The inventory template (CSV)',
  'footprintMethod.resources.templateXlsx': 'The inventory template (XLSX workbook)',
  'footprintMethod.resources.api': 'The API: open data, and a workspace’s footprint with a token',

  'apiTokens.title': 'API access',
  'apiTokens.lead':
    'A token lets another tool read the footprint of the “{territory}” workspace through the API, without an account. It opens this workspace only, read-only.',
  'apiTokens.caption': 'Tokens of the workspace',
  'apiTokens.name': 'Name',
  'apiTokens.created': 'Created on',
  'apiTokens.lastUsed': 'Last used',
  'apiTokens.state': 'State',
  'apiTokens.never': 'never',
  'apiTokens.active': 'active',
  'apiTokens.revokedOn': 'revoked on {date}',
  'apiTokens.actions': 'Actions',
  'apiTokens.revoke': 'Revoke',
  'apiTokens.revokeLabel': 'Revoke the token “{name}”',
  'apiTokens.none': 'No token yet.',
  'apiTokens.create': 'Create a token',
  'apiTokens.nameLabel': 'Token name',
  'apiTokens.nameHint': 'To recognise it: the tool or person using it.',
  'apiTokens.createSubmit': 'Create the token',
  'apiTokens.nameRequired': 'Give a name.',
  'apiTokens.nameTooLong': 'At most 80 characters.',
  'apiTokens.shownOnce': 'Token “{name}” created. Copy it now: it will never be shown again.',
  'apiTokens.tokenLabel': 'Your token',
  'apiTokens.revoked': 'Token revoked: it no longer opens the API.',
  'apiTokens.usage': 'Using a token',
  'apiTokens.usageText':
    'Send it in the Authorization header of every request. A year’s footprint (stock or flux method) and the workspace’s frozen results:',
  'apiTokens.openapi': 'OpenAPI description of the API',
  'apiTokens.method': 'How the footprint is computed',
}
