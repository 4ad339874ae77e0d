import { net } from 'electron'

/**
 * Every outbound request of the desktop app (Opsgenie, the relay's stream) goes through
 * Electron's `net.fetch`, i.e. Chromium's network stack: the system proxy and PAC file, and the
 * OS trust store (a company's TLS-inspecting root CA), which Node's own fetch ignores. Cookies are
 * never sent: the gateway authenticates with headers only. Browser mode keeps Node's fetch.
 */
export const desktopFetch: typeof fetch = (input, init) =>
  net.fetch(input instanceof URL ? input.href : input, { ...init, credentials: 'omit' })
