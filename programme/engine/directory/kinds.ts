// The kinds of entry in the local services and meetings directory, with the words people see.
// Ids are stable: they are written in the CSV (docs/directory-csv.md) and stored on each entry.

export const DIRECTORY_KINDS = [
  'drug-alcohol-service',
  'needle-syringe-programme',
  'naloxone-supply',
  'pharmacy',
  'drug-checking',
  'mental-health-crisis',
  'meeting-aa',
  'meeting-na',
  'meeting-ca',
  'meeting-smart',
  'meeting-other',
] as const

export type DirectoryKind = (typeof DIRECTORY_KINDS)[number]

export const KIND_NAMES: Record<DirectoryKind, string> = {
  'drug-alcohol-service': 'Drug and alcohol service',
  'needle-syringe-programme': 'Needle and syringe programme',
  'naloxone-supply': 'Naloxone supply',
  pharmacy: 'Pharmacy',
  'drug-checking': 'Drug checking',
  'mental-health-crisis': 'Mental health crisis',
  'meeting-aa': 'Meeting: Alcoholics Anonymous (AA)',
  'meeting-na': 'Meeting: Narcotics Anonymous (NA)',
  'meeting-ca': 'Meeting: Cocaine Anonymous (CA)',
  'meeting-smart': 'Meeting: SMART Recovery',
  'meeting-other': 'Meeting: other mutual aid',
}

export function isDirectoryKind(value: string): value is DirectoryKind {
  return (DIRECTORY_KINDS as readonly string[]).includes(value)
}

/** Mutual-aid meetings have a schedule; services have opening hours. */
export function isMeetingKind(kind: string): boolean {
  return kind.startsWith('meeting-')
}
