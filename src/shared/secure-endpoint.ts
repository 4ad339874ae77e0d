/**
 * Where an API key or relay token may be sent. Plain http would hand the credential to anyone on
 * the path, so it is allowed only to this computer (the simulator, the Demo workspace, a local
 * proxy): `localhost`, 127.0.0.0/8 and ::1. Everything else must be https.
 *
 * Shared so the renderer's connect form can say so before submitting; main enforces it again
 * wherever a credential meets a URL (the Opsgenie host, the relay URL, the keychain binding).
 */

/** `url.hostname` as the WHATWG URL parser gives it (IPv4 shorthands already normalised). */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.toLowerCase()
  if (host === 'localhost' || host === '[::1]') return true
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host)
  return octets !== null && octets.slice(1).every((o) => Number(o) <= 255)
}

/**
 * Why `url` must not receive a credential, or undefined when it may. `what` names the URL in the
 * message ("Opsgenie host", "relay URL").
 */
export function insecureEndpointReason(url: URL, what: string): string | undefined {
  if (url.protocol === 'https:') return undefined
  if (url.protocol !== 'http:') return `the ${what} must be an https URL`
  if (isLoopbackHostname(url.hostname)) return undefined
  return (
    `the ${what} must use https: plain http is allowed only to this computer ` +
    `(localhost, 127.0.0.0/8, ::1), never to ${url.hostname}`
  )
}

/** The same check on text, for forms and schemas: undefined when `text` is a URL that may be used. */
export function checkEndpointText(text: string, what: string): string | undefined {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return `the ${what} is not a valid URL`
  }
  return insecureEndpointReason(url, what)
}
