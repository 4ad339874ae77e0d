/** The incident record (API-NOTES §4), shared with the renderer. */
export { IncidentRecord } from './records'
