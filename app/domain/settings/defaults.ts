// Defaults the page shell needs on the client, kept apart from settings.ts so no schema
// library ships to the browser for them.
export const DEFAULT_SERVICE_NAME = 'Foothold'
export const DEFAULT_QUICK_EXIT_URL = 'https://www.bbc.co.uk/weather'

/** How many crisis-contact rows the settings form offers. */
export const MAX_CONTACT_ROWS = 6
