import type { WorkspaceConfig } from '../../../../shared/ipc/schemas'
import type { Governor } from '../../governor'
import type { Provider } from '../provider'
import { createJsmProvider } from './adapter'
import { createJsmClient, discoverCloudId, type JsmClient } from './client'
import { JSM_DEFAULT_API_URL, checkJsmApiUrl, checkJsmUrl } from './urls'

export interface JsmConnectOptions {
  config: WorkspaceConfig
  /** The site URL the token is bound to in the keychain (`config.host`, resolved). */
  siteUrl: string
  apiToken: string
  governor: Governor
  decodePush: Provider['feed']['decodePush']
  fetch?: typeof fetch
  timeoutMs?: number
  /** After every answer from JSM, any status (the workspace's sign of life for its intake). */
  onAnswer?: () => void
}

/**
 * Builds a JSM workspace's client and provider: the site and API URL checked (https, or http to
 * this computer; the API URL Atlassian's or on the site's own origin), the cloud id from the
 * config or else from the site's `tenant_info`.
 */
export async function connectJsm(
  options: JsmConnectOptions,
): Promise<{ client: JsmClient; provider: Provider; cloudId: string }> {
  const { config } = options
  const site = config.jsm
  if (config.provider !== 'jsm' || site === undefined)
    throw new Error(`workspace ${config.name} is not a JSM workspace with a site URL and e-mail`)
  const apiUrl = site.apiUrl ?? JSM_DEFAULT_API_URL
  const problem =
    checkJsmUrl(options.siteUrl, 'JSM site URL') ?? checkJsmApiUrl(apiUrl, options.siteUrl)
  if (problem !== undefined) throw new Error(`workspace ${config.name}: ${problem}`)
  const cloudId =
    site.cloudId ??
    (await discoverCloudId(options.siteUrl, {
      ...(options.fetch !== undefined ? { fetch: options.fetch } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    }))
  const client = createJsmClient({
    apiUrl,
    siteUrl: options.siteUrl,
    cloudId,
    email: site.email,
    apiToken: options.apiToken,
    onResponse: (response) => {
      options.governor.observe(response)
      options.onAnswer?.()
    },
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
