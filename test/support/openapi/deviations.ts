import type { SpecDeviation } from './deviation-types'
import {
  addIncidentNotesList,
  addIncidentOperation,
  INCIDENT_ACTION_BODY,
  INCIDENT_DESCRIPTION_BODY,
  INCIDENT_NOTE_BODY,
  INCIDENT_PRIORITY_BODY,
  INCIDENT_RESPONDERS_BODY,
} from './incident-supplement'
import type { JsonObject, SwaggerSpec } from './spec-types'

function definitionPart(spec: SwaggerSpec, name: string, index: number): JsonObject {
  const part = (spec.definitions[name]?.['allOf'] as JsonObject[] | undefined)?.[index]
  if (part === undefined)
    throw new Error(`spec changed: ${name}.allOf[${index}] is gone; review this deviation`)
  return part
}

function untypedRecipient(type: string, keys: readonly string[]): JsonObject {
  const properties: JsonObject = { type: { type: 'string', enum: [type] } }
  for (const key of keys) properties[key] = { type: 'string' }
  return { type: 'object', properties, anyOf: keys.map((key) => ({ required: [key] })) }
}

/**
 * Every place we hold the spec wrong against Opsgenie's real behaviour; docs/spec-deviations.md
 * explains each. Prefer a `patch` (the corrected shape is still validated) over an `allow`.
 */
export const SPEC_DEVIATIONS: readonly SpecDeviation[] = [
  {
    kind: 'patch',
    id: 'alert-assign-owner-untyped',
    operation: 'POST /v2/alerts/{identifier}/assign',
    what: 'owner is {id} or {username}; its "type" is optional (and can only be "user")',
    why: 'the spec reuses UserRecipient, which inherits Recipient\'s required "type"; the go-sdk and the docs send the owner without one',
    source: 'API-NOTES.md §3.5 "Action bodies" (assign)',
    apply: (spec) => {
      const properties = definitionPart(spec, 'AssignAlertPayload', 1)['properties'] as JsonObject
      properties['owner'] = untypedRecipient('user', ['id', 'username'])
    },
  },
  {
    kind: 'patch',
    id: 'alert-escalate-escalation-untyped',
    operation: 'POST /v2/alerts/{identifier}/escalate',
    what: 'escalation is {id} or {name}; its "type" is optional (and can only be "escalation")',
    why: 'the spec reuses EscalationRecipient, which inherits Recipient\'s required "type"; the go-sdk and the docs send it without one',
    source: 'API-NOTES.md §3.5 "Action bodies" (escalate)',
    apply: (spec) => {
      const properties = definitionPart(spec, 'EscalateAlertToNextPayload', 1)[
        'properties'
      ] as JsonObject
      properties['escalation'] = untypedRecipient('escalation', ['id', 'name'])
    },
  },
  {
    kind: 'patch',
    id: 'users-list-sort',
    operation: 'GET /v2/users',
    what: 'the sort field is the query parameter "sort" (username, fullName, fullName.raw, role, verified, blocked, createdAt)',
    why: 'the spec names it "sortField"; the go-sdk, which Opsgenie maintains against the live API, sends "sort"',
    source: 'API-NOTES.md §5.5 "Users"',
    apply: (spec) => {
      const operation = spec.paths['/v2/users']?.get
      if (operation === undefined)
        throw new Error('spec changed: GET /v2/users is gone; review this deviation')
      const sort = {
        name: 'sort',
        in: 'query' as const,
        required: false,
        type: 'string',
        enum: ['username', 'fullName', 'fullName.raw', 'role', 'verified', 'blocked', 'createdAt'],
      }
      operation.parameters = [...(operation.parameters ?? []), sort]
    },
  },
  {
    kind: 'patch',
    id: 'teams-list-no-expandable',
    operation: 'GET /v2/teams',
    what: 'the list answer has no "expandable" array',
    why: 'the spec builds ListTeamsResponse on BaseResponseWithExpandable (expandable required); real answers are {data, took, requestId} (go-sdk ListTeamResult)',
    source: 'API-NOTES.md §5.2 "Teams"',
    apply: (spec) => {
      definitionPart(spec, 'ListTeamsResponse', 0)['$ref'] = '#/definitions/BaseResponse'
    },
  },
  {
    kind: 'patch',
    id: 'incident-create-impacted-services',
    operation: 'POST /v1/incidents/create',
    what: 'serviceId is optional and impactedServices (service ids) is accepted',
    why: 'real incidents carry impactedServices; serviceId is the older single-service field the 2021 spec and go-sdk require',
    source: 'API-NOTES.md §4 "Create body" (impactedServices), §10 item 6',
    apply: (spec) => {
      definitionPart(spec, 'CreateIncidentPayload', 0)['required'] = ['message']
      const properties = definitionPart(spec, 'CreateIncidentPayload', 1)[
        'properties'
      ] as JsonObject
      properties['impactedServices'] = { type: 'array', items: { type: 'string' } }
    },
  },
  {
    kind: 'patch',
    id: 'incident-resolve-missing',
    operation: 'POST /v1/incidents/{identifier}/resolve',
    what: 'the operation exists (async, 202, optional {note})',
    why: 'absent from the 2021 spec; served by Opsgenie and used by the go-sdk and node-sdk',
    source: 'API-NOTES.md §4 endpoint table (resolve)',
    apply: (spec) =>
      addIncidentOperation(spec, 'resolve', 'resolveIncident', INCIDENT_ACTION_BODY, false),
  },
  {
    kind: 'patch',
    id: 'incident-reopen-missing',
    operation: 'POST /v1/incidents/{identifier}/reopen',
    what: 'the operation exists (async, 202, optional {note})',
    why: 'absent from the 2021 spec; served by Opsgenie and used by the node-sdk',
    source: 'API-NOTES.md §4 endpoint table (reopen)',
    apply: (spec) =>
      addIncidentOperation(spec, 'reopen', 'reopenIncident', INCIDENT_ACTION_BODY, false),
  },
  {
    kind: 'patch',
    id: 'incident-add-note-missing',
    operation: 'POST /v1/incidents/{identifier}/notes',
    what: 'the operation exists (async, 202, required {note})',
    why: 'absent from the 2021 spec; served by Opsgenie and used by the go-sdk and node-sdk',
    source: 'API-NOTES.md §4 endpoint table (notes)',
    apply: (spec) =>
      addIncidentOperation(spec, 'notes', 'addIncidentNote', INCIDENT_NOTE_BODY, true),
  },
  {
    kind: 'patch',
    id: 'incident-list-notes-missing',
    operation: 'GET /v1/incidents/{identifier}/notes',
    what: 'the operation exists (200, a cursor page of notes shaped like alert notes)',
    why: 'absent from the 2021 spec; served by Opsgenie and used by the go-sdk and node-sdk',
    source: 'API-NOTES.md §4 endpoint table (notes), §3.4 (notes lists use a string offset cursor)',
    apply: (spec) => addIncidentNotesList(spec),
  },
  {
    kind: 'patch',
    id: 'incident-update-priority-missing',
    operation: 'PUT /v1/incidents/{identifier}/priority',
    what: 'the operation exists (async, 202, required {priority: P1..P5}), as PUT and as POST',
    why: 'absent from the 2021 spec; the go-sdk sends PUT, the node-sdk POST, and Opsgenie is reported to take both',
    source: 'API-NOTES.md §4 endpoint table (priority)',
    apply: (spec) =>
      addIncidentOperation(
        spec,
        'priority',
        'updateIncidentPriority',
        INCIDENT_PRIORITY_BODY,
        true,
        ['put', 'post'],
      ),
  },
  {
    kind: 'patch',
    id: 'incident-update-description-missing',
    operation: 'POST /v1/incidents/{identifier}/description',
    what: 'the operation exists (async, 202, required {description})',
    why: 'absent from the 2021 spec; served by Opsgenie and sent as POST by the go-sdk',
    source: 'API-NOTES.md §4 endpoint table (description)',
    apply: (spec) =>
      addIncidentOperation(
        spec,
        'description',
        'updateIncidentDescription',
        INCIDENT_DESCRIPTION_BODY,
        true,
      ),
  },
  {
    kind: 'patch',
    id: 'incident-add-responders-missing',
    operation: 'POST /v1/incidents/{identifier}/responders',
    what: 'the operation exists (async, 202); the responder array is under "responder" (SDKs) or "responders" (docs)',
    why: 'absent from the 2021 spec; the official SDKs and the public docs disagree on the key, and Opsgenie is reported to take both',
    source: 'API-NOTES.md §4 "Add responders body", §10 item 6, §11',
    apply: (spec) =>
      addIncidentOperation(
        spec,
        'responders',
        'addIncidentResponders',
        INCIDENT_RESPONDERS_BODY,
        true,
      ),
  },
]
