import type { JsonObject, SwaggerOperation, SwaggerSpec } from './spec-types'

/**
 * Incident operations the 2021 spec lacks but Opsgenie serves (API-NOTES §4, from the go-sdk and
 * node-sdk). They are written in the spec's own style so they are validated like the rest.
 */
function asyncIncidentAction(
  operationId: string,
  body: JsonObject,
  bodyRequired: boolean,
): SwaggerOperation {
  return {
    operationId,
    parameters: [
      { $ref: '#/parameters/IncidentIdentifier' },
      { $ref: '#/parameters/IncidentIdentifierType' },
      { name: 'body', in: 'body', required: bodyRequired, schema: body },
    ],
    responses: {
      '202': { $ref: '#/responses/Accepted' },
      '400': { $ref: '#/responses/BadRequest' },
      '401': { $ref: '#/responses/Unauthorized' },
      '402': { $ref: '#/responses/PaymentRequired' },
      '403': { $ref: '#/responses/Forbidden' },
      '404': { $ref: '#/responses/NotFound' },
      '422': { $ref: '#/responses/UnprocessableEntity' },
      '429': { $ref: '#/responses/TooManyRequest' },
      default: { $ref: '#/responses/GeneralError' },
    },
  }
}

export function addIncidentOperation(
  spec: SwaggerSpec,
  action: string,
  operationId: string,
  body: JsonObject,
  bodyRequired: boolean,
  methods: readonly ('post' | 'put')[] = ['post'],
): void {
  const template = `/v1/incidents/{identifier}/${action}`
  const item = { ...spec.paths[template] }
  for (const method of methods) item[method] = asyncIncidentAction(operationId, body, bodyRequired)
  spec.paths[template] = item
}

/**
 * Parameters as the go-sdk's `incident.ListNotesRequest` sends them (identifierType, limit,
 * offset, direction, order), which are the alert-notes ones. The answer is assumed to be the
 * alert-notes cursor page too: no source records it, and the simulator answers that way.
 */
export function addIncidentNotesList(spec: SwaggerSpec): void {
  const template = '/v1/incidents/{identifier}/notes'
  const { responses } = asyncIncidentAction('listIncidentNotes', {}, false)
  delete responses['202']
  const list: SwaggerOperation = {
    operationId: 'listIncidentNotes',
    parameters: [
      'IncidentIdentifier',
      'IncidentIdentifierType',
      'OffsetParam',
      'PageDirectionParam',
      'AlertLimitParam',
      'OrderParam',
    ].map((name) => ({ $ref: `#/parameters/${name}` })),
    responses: {
      '200': { schema: { $ref: '#/definitions/ListAlertNotesResponse' } },
      ...responses,
    },
  }
  spec.paths[template] = { ...spec.paths[template], get: list }
}

/** go-sdk `incident.UpdatePriorityRequest` / `UpdateDescriptionRequest` bodies. */
export const INCIDENT_PRIORITY_BODY: JsonObject = {
  type: 'object',
  required: ['priority'],
  properties: { priority: { type: 'string', enum: ['P1', 'P2', 'P3', 'P4', 'P5'] } },
}

export const INCIDENT_DESCRIPTION_BODY: JsonObject = {
  type: 'object',
  required: ['description'],
  properties: { description: { type: 'string' } },
}

export const INCIDENT_ACTION_BODY: JsonObject = { $ref: '#/definitions/IncidentActionPayload' }

export const INCIDENT_NOTE_BODY: JsonObject = {
  type: 'object',
  required: ['note'],
  allOf: [{ $ref: '#/definitions/IncidentActionPayload' }],
}

/** Both SDKs send the array under `responder`; the public docs say `responders`. Exactly one. */
export const INCIDENT_RESPONDERS_BODY: JsonObject = {
  type: 'object',
  allOf: [{ $ref: '#/definitions/IncidentActionPayload' }],
  properties: {
    responder: { type: 'array', minItems: 1, items: { $ref: '#/definitions/Recipient' } },
    responders: { type: 'array', minItems: 1, items: { $ref: '#/definitions/Recipient' } },
  },
  anyOf: [{ required: ['responder'] }, { required: ['responders'] }],
}
