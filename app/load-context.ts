// What server.ts passes to every loader and action.
import '@remix-run/node'

declare module '@remix-run/node' {
  interface AppLoadContext {
    /** The client's IP address, for rate limits only; never logged or stored. */
    clientIp: string
    /** The nonce allowed by this response's Content-Security-Policy. */
    cspNonce: string
    /**
     * Lets this page's forms lead to `url`'s origin (CSP form-action): the quick exit's neutral
     * site, where /exit sends the browser. Absent outside the server (tests).
     */
    allowFormTarget?: (url: string) => void
  }
}
