import type { WorkspaceConfig } from '../../../../shared/ipc/schemas'
import type { Governor } from '../../governor'
import type { Provider } from '../provider'
import { createJsmProvider } from './adapter'
import { createJsmClient, discoverCloudId, type JsmClient } from './client'
import { checkJsmUrl } from './urls'

export interface JsmConnectOptions {
  config: WorkspaceConfig
  /** The API URL the token is bound to in the keychain (`config.host`, resolved). */
  apiUrl: string
  apiToken: string
  governor: Governor
  decodePush: Provider['feed']['decodePush']
  fetch?: typeof fetch
  timeoutMs?: number
}

/**
 * Builds a JSM workspace's client and provider: the site and API URL checked (https, or http to
 * this computer), the cloud id from the config or else from the site's `tenant_info`.
 */
export async function connectJsm(
  options: JsmConnectOptions,
): Promise<{ client: JsmClient; provider: Provider; cloudId: string }> {
  const { config } = options
  const site = config.jsm
  if (config.provider !== 'jsm' || site === undefined)
    throw new Error(`workspace ${config.name} is not a JSM workspace with a site URL and e-mail`)
  for (const [url, what] of [
    [site.siteUrl, 'JSM site URL'],
    [options.apiUrl, 'JSM API URL'],
  ] as const) {
    const problem = checkJsmUrl(url, what)
    if (problem !== undefined) throw new Error(`workspace ${config.name}: ${problem}`)
  }
  const cloudId =
    site.cloudId ??
    (await discoverCloudId(site.siteUrl, {
      ...(options.fetch !== undefined ? { fetch: options.fetch } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    }))
  const client = createJsmClient({
    apiUrl: options.apiUrl,
    siteUrl: site.siteUrl,
    cloudId,
    email: site.email,
    apiToken: options.apiToken,
    onResponse: (response) => options.governor.observe(response),
    ...(options.fetch !== undefined ? { fetch: options.fetch } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  })
  const provider = createJsmProvider({
    client,
    governor: options.governor,
    email: site.email,
    decodePush: options.decodePush,
    ...(site.incidentProject !== undefined ? { incidentProject: site.incidentProject } : {}),
  })
  return { client, provider, cloudId }
}
