import { checkEndpointText } from '../../../../shared/secure-endpoint'

/** Where JSM Operations' REST API lives for every site (no regional hosts). */
export const JSM_DEFAULT_API_URL = 'https://api.atlassian.com'

/**
 * A site or API URL the token may be sent to: https, or plain http to this computer only (the
 * simulator), like Opsgenie's host rule. Answers the problem in words, or undefined.
 */
export function checkJsmUrl(
  text: string,
  what: 'JSM site URL' | 'JSM API URL',
): string | undefined {
  return checkEndpointText(text, what)
}
