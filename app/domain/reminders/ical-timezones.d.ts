// Types for @touch4it/ical-timezones (the package ships none): the VTIMEZONE block for a zone.
declare module '@touch4it/ical-timezones' {
  export function getVtimezoneComponent(timezone: string): string | null
}
