import { isLoopbackHostname } from '../../shared/secure-endpoint.js'

/**
 * Where a late answer may be posted. Slack's `response_url` is always
 * `https://hooks.slack.com/...`; anything else in a (signed) request is refused rather than
 * posted to, so the relay can never be made to send requests to an arbitrary host. Tests pass
 * `allowLoopback` to receive follow-ups on 127.0.0.1; no flag turns it on in production.
 */
export interface ResponseUrlPolicy {
  readonly allowLoopback: boolean
}

export function checkResponseUrl(text: string, policy: ResponseUrlPolicy): URL | string {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return 'response_url is not a URL'
  }
  if (url.username !== '' || url.password !== '') return 'response_url must not carry credentials'
  if (url.protocol === 'https:' && url.hostname === 'hooks.slack.com' && url.port === '') return url
  if (policy.allowLoopback && url.protocol === 'http:' && isLoopbackHostname(url.hostname))
    return url
  return 'response_url must be https://hooks.slack.com/...'
}

/** Posts the final answer as a Slack message; failures are logged, there is nobody else to tell. */
export async function postFollowUp(url: URL, text: string, timeoutMs = 10_000): Promise<void> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text }),
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    })
    await res.arrayBuffer()
    if (!res.ok) console.error(`relay: Slack refused a follow-up answer (${res.status})`)
  } catch (error) {
    console.error(`relay: could not post a follow-up answer to Slack: ${(error as Error).message}`)
  }
}
