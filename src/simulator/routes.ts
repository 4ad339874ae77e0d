import { basicActionRoutes } from './alert-actions'
import { createAlert } from './alert-create'
import { moreActionRoutes } from './alert-more-actions'
import { alertReadRoutes } from './alerts-read'
import { configRoutes } from './config-endpoints'
import { incidentRoutes } from './incidents'
import type { RateLimiter } from './rate-limiter'
import { Router } from './router'
import { scheduleRoutes } from './schedules'

/** Literal paths (count, requests, create) come before `:identifier` patterns. */
export function buildRouter(limiter: RateLimiter): Router {
  return new Router()
    .add({
      method: 'POST',
      pattern: '/v2/alerts',
      handler: createAlert,
      gate: { integrationOnly: true },
    })
    .add(...alertReadRoutes, ...basicActionRoutes, ...moreActionRoutes)
    .add(...incidentRoutes, ...scheduleRoutes, ...configRoutes(limiter))
}
