// What /services shows a signed-in person: the search (parsed leniently from the address: a value
// that is not one of ours is ignored), results and the next 7 days' meetings in the viewer's own
// zone, a client's saved services, and a key worker's linked clients to suggest a service to.
import { z } from 'zod'
import { clock } from '#app/utils/clock.server.ts'
import type { User } from '#db/schema/index.ts'
import { DIRECTORY_KINDS } from '#programme/engine/directory/kinds.ts'
import { linkedClientsOf, SAVED_SERVICES_LIMIT, savedServicesOf } from './client-services.server.ts'
import {
  type DirectorySearch,
  entryCard,
  localTime,
  searchDirectory,
  viewEntry,
  WHEN_FILTERS,
} from './search.server.ts'

const SearchSchema = z.object({
  kind: z
    .enum(['meetings', ...DIRECTORY_KINDS])
    .optional()
    .catch(undefined),
  place: z.string().trim().max(60).optional().catch(undefined),
  when: z.enum(WHEN_FILTERS).optional().catch(undefined),
})

export function parseSearch(params: URLSearchParams): DirectorySearch {
  return SearchSchema.parse({
    kind: params.get('kind') || undefined,
    place: params.get('place') || undefined,
    when: params.get('when') || undefined,
  })
}

export async function servicesPage(user: User, params: URLSearchParams, now = clock.now()) {
  const search = parseSearch(params)
  const zone = user.timeZone
  const { results, more, nextMeetings } = await searchDirectory(search, zone, now)
  const saved = user.role === 'client' ? await savedServicesOf(user.id) : []
  return {
    search,
    timeZone: zone,
    results: results.map(entryCard),
    more,
    nextMeetings: nextMeetings.map((meeting) => ({
      entryId: meeting.entry.id,
      name: meeting.entry.name,
      online: meeting.entry.online,
      town: meeting.entry.town,
      ...localTime(new Date(meeting.at), zone),
    })),
    saved: saved.map((entry) => entryCard(viewEntry(entry, zone, now))),
    savedLimit: SAVED_SERVICES_LIMIT,
    linkedClients: user.role === 'keyworker' ? await linkedClientsOf(user.id) : [],
  }
}
