import { checkEndpointText } from '../../../../shared/secure-endpoint'

/** Where JSM Operations' REST API lives for every site (no regional hosts). */
export const JSM_DEFAULT_API_URL = 'https://api.atlassian.com'

/**
 * A site or API URL the token may be sent to: https, or plain http to this computer only (the
 * simulator), like Opsgenie's host rule. Answers the problem in words, or undefined.
 */
/**
 * The token is bound to the site in the keychain; the API URL is checked here instead: Atlassian's
 * (`https://api.atlassian.com`), or on the site's own origin (the simulator serves both). Any
 * other place would receive the token without the user ever having entered it for that place.
 */
export function checkJsmApiUrl(apiUrl: string, siteUrl: string): string | undefined {
  const insecure = checkJsmUrl(apiUrl, 'JSM API URL')
  if (insecure !== undefined) return insecure
  const origin = new URL(apiUrl).origin
  if (origin === JSM_DEFAULT_API_URL || origin === new URL(siteUrl).origin) return undefined
  return `the JSM API URL must be ${JSM_DEFAULT_API_URL} or on the site's own origin (${new URL(siteUrl).origin}), not ${origin}`
}

export function checkJsmUrl(
  text: string,
  what: 'JSM site URL' | 'JSM API URL',
): string | undefined {
  return checkEndpointText(text, what)
}
