// The demo's local services and meetings directory: a handful of made-up entries, every name
// starting "Example", in the made-up town of Exampleton (postcode districts ZZ1 and ZZ2, which
// no real place uses), phone numbers from Ofcom's range for drama (01632 960xxx) and example.org
// addresses. One entry was last checked over a year ago, to show how that looks.
import type { Db } from './client.ts'
import { directoryEntries, type NewDirectoryEntry } from './schema/index.ts'

const DAY = 86_400_000

export function seedDirectoryDemo(db: Db, now: Date): void {
  const checked = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString().slice(0, 10)
  const town = { town: 'Exampleton', timeZone: 'Europe/London', createdAt: now, updatedAt: now }
  const rows: NewDirectoryEntry[] = [
    {
      id: 'example-recovery-hub',
      name: 'Example Recovery Hub (made-up demo entry)',
      kind: 'drug-alcohol-service',
      address: '1 Example Street',
      postcodeDistrict: 'ZZ1',
      phone: '01632 960001',
      website: 'https://example.org/recovery-hub',
      openingHours: 'Mon-Fri 09:00-17:00; Sat 10:00-13:00',
      accessibility: 'Step-free entrance, hearing loop',
      languages: 'English, Polish',
      lastVerified: checked(20),
      ...town,
    },
    {
      id: 'example-needle-exchange',
      name: 'Example Needle Exchange (made-up demo entry)',
      kind: 'needle-syringe-programme',
      address: '2 Example Road',
      postcodeDistrict: 'ZZ1',
      phone: '01632 960002',
      openingHours: 'Mon-Sat 10:00-18:00',
      lastVerified: checked(45),
      ...town,
    },
    {
      id: 'example-pharmacy',
      name: 'Example Pharmacy (made-up demo entry): naloxone',
      kind: 'naloxone-supply',
      address: '3 Example Parade',
      postcodeDistrict: 'ZZ2',
      phone: '01632 960003',
      openingHours: 'Mon-Sun 08:00-22:00',
      accessibility: 'Step-free',
      lastVerified: checked(400),
      ...town,
    },
    {
      id: 'example-tuesday-aa',
      name: 'Example Tuesday AA (made-up demo entry)',
      kind: 'meeting-aa',
      address: 'Example Community Hall, 4 Example Lane',
      postcodeDistrict: 'ZZ2',
      schedule: 'weekly Tue 19:30',
      accessibility: 'Ground floor',
      languages: 'English',
      lastVerified: checked(10),
      ...town,
    },
    {
      id: 'example-online-na',
      name: 'Example Online NA (made-up demo entry)',
      kind: 'meeting-na',
      online: true,
      address: null,
      website: 'https://example.org/online-na',
      schedule: 'weekly Sat 11:00',
      languages: 'English',
      lastVerified: checked(10),
      ...town,
      town: null,
    },
    {
      id: 'example-smart-monthly',
      name: 'Example SMART Recovery, first Thursday (made-up demo entry)',
      kind: 'meeting-smart',
      address: '1 Example Street',
      postcodeDistrict: 'ZZ1',
      schedule: 'monthly 1 Thu 18:00',
      lastVerified: checked(30),
      ...town,
    },
  ]
  db.insert(directoryEntries).values(rows).run()
}
