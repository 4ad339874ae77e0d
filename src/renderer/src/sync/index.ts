export { createIngest, SEEN_RETENTION_MS } from './ingest'
export type { BatchResult, Ingest, IngestOptions } from './ingest'
export type { OpenAlertsSnapshot } from './reconcile'
export { parseLossless } from './lossless-json'
