// Shared vocabularies (ARCHITECTURE §3). Codes are stable; labels live in the message catalogue.

export const organisationTypes = [
  'school',
  'clb',
  'caw',
  'ocmw',
  'huis_van_het_kind',
  'ckg',
  'inloopteam',
  'buurtwerk',
  'samenlevingsopbouw',
  'armoedeorganisatie',
  'onderwijscentrum',
  'lokaal_bestuur',
  'brugfigurenwerking',
  'jeugdwerk',
  'sport',
  'cultuur',
  'gezondheid',
  'lerend_netwerk',
  'andere',
] as const;
export type OrganisationType = (typeof organisationTypes)[number];

export const needCodes = ['FIN', 'ADM', 'HOUS', 'PAR', 'LEIS', 'HEALTH', 'POV', 'EDU', 'LANG'] as const;
export type NeedCode = (typeof needCodes)[number];

export const cooperationForms = ['referral', 'exchange', 'mediation', 'professionalisation'] as const;
export type CooperationForm = (typeof cooperationForms)[number];

export const ageBands = ['0-2', '3-5', '6-11', '12-17', '18+'] as const;
export type AgeBand = (typeof ageBands)[number];

/** The two groups the gap analysis reports: under 12 (0-2, 3-5, 6-11) and 12 plus (12-17, 18+). */
export const ageGroups = ['under12', '12plus'] as const;
export type AgeGroup = (typeof ageGroups)[number];
export const ageGroupOf = (band: string): AgeGroup | null =>
  band === '12-17' || band === '18+' ? '12plus' : ageBands.includes(band as AgeBand) ? 'under12' : null;

export const referralMethods = ['phone', 'online_form', 'walk_in', 'warm_referral', 'via_clb'] as const;
export type ReferralMethod = (typeof referralMethods)[number];

/** Who a directory service is for. */
export const audiences = ['parents', 'children_youth', 'professionals'] as const;

export const schoolLevels = ['kleuter', 'lager', 'secundair', 'buitengewoon'] as const;

export const capacityStates = ['available', 'waiting_list', 'full'] as const;
