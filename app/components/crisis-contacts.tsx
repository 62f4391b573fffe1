// The service's crisis contacts, each number a tap-to-call link.
import type { CrisisContact } from '#app/domain/settings/settings.ts'

export function CrisisContacts({ contacts }: { contacts: CrisisContact[] }) {
  return (
    <ul className="contacts">
      {contacts.map((contact) => (
        <li key={`${contact.name}-${contact.phone}`}>
          <strong>{contact.name}</strong>: <a href={`tel:${contact.phone.replace(/[^0-9+]/g, '')}`}>{contact.phone}</a>
          {contact.description ? <span className="contact-description"> – {contact.description}</span> : null}
        </li>
      ))}
    </ul>
  )
}
