import type { Deviation } from '../support/jsm-openapi'

/**
 * Where the JSM simulator and client knowingly differ from Atlassian's API description
 * (../shared/jsm/jsm-ops.v3.json), each with its reason and source. The conformance test fails
 * on any violation not listed here and on any entry that no exchange needs, so the list stays
 * exact. A `patch` rewrites a schema whose text cannot be right as written.
 */
export const JSM_DEVIATIONS: readonly Deviation[] = [
  {
    id: 'rate-limit-429',
    operation: '*',
    where: 'status',
    pathPrefix: '429',
    what: '429 with Retry-After and X-RateLimit-* on any operation',
    why: "The description's narrative lists 429 among the status codes but no operation declares it.",
    source: 'narrative "Status codes and responses"; FACTS.md §6 (Atlassian cloud rate limiting)',
  },
  {
    id: 'forbidden-actions',
    operation: '*',
    where: 'status',
    pathPrefix: '403',
    what: '403 {errors} when the user has no operations role for the request',
    why: 'The alert actions declare only 202 and 401; the narrative says 403 answers a missing permission, and a live tenant answers 403 so (FACTS.md §5).',
    source: 'narrative "Status codes and responses"; FACTS.md §5 (rrvrs live-tenant notes)',
  },
  {
    id: 'invalid-body-400',
    operation: '*',
    where: 'status',
    pathPrefix: '400',
    what: '400 {errors} for a body the server cannot read',
    why: 'Most operations declare no 400 although the narrative lists it for invalid requests.',
    source: 'narrative "Status codes and responses"',
  },
]

/**
 * Schema patches: `OnCallResponse` is `oneOf` two objects that require nothing, so every answer
 * matches both and `oneOf` always fails; read as `anyOf`, which is what the description means.
 */
export const JSM_SCHEMA_PATCHES: readonly {
  schema: string
  why: string
  patch: (s: Record<string, unknown>) => Record<string, unknown>
}[] = [
  {
    schema: 'OnCallResponse',
    why: 'oneOf of two all-optional objects can never hold; read as anyOf',
    patch: ({ oneOf, ...rest }) => ({ ...rest, anyOf: oneOf }),
  },
]

/**
 * Requests Ondeck sends that the ops API description does not cover: the site's tenant info,
 * Jira's platform REST API (users, incident issues, permissions) and the JSM incidents API,
 * checked against Atlassian's documentation only (docs/providers.md).
 */
export const OUTSIDE_THE_DESCRIPTION: readonly RegExp[] = [
  /^GET \/_edge\/tenant_info$/,
  /^(GET|POST|PUT) \/rest\/api\/3\/(issue|priority|search\/jql|users\/search|mypermissions)(\/|$)/,
  /^(GET|POST) \/jsm\/incidents\/cloudId\/[^/]+\/v1\/incident\//,
]
