import { describe, expect, it } from 'vitest'
import type { SwaggerSpec } from './spec-types'
import { createSpecValidator } from './validator'

/** A tiny spec exercising the Swagger-only keywords the converter must translate. */
function tinySpec(): SwaggerSpec {
  return {
    swagger: '2.0',
    consumes: ['application/json'],
    produces: ['application/json'],
    paths: {
      '/pets': {
        post: {
          'x-collapse-params': 'CreatePet',
          parameters: [
            { name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/Pet' } },
          ],
          responses: { '201': { schema: { $ref: '#/definitions/Pet' } } },
        } as SwaggerSpec['paths'][string]['post'],
      },
    },
    definitions: {
      Pet: {
        type: 'object',
        discriminator: 'kind',
        'x-opsgenie-domain': 'pets',
        required: ['kind', 'id'],
        properties: {
          id: { type: 'string', readOnly: true },
          kind: { type: 'string', enum: ['Dog', 'cat'] },
          nickname: { type: 'string', nullable: true },
        },
      },
      Dog: {
        allOf: [{ $ref: '#/definitions/Pet' }, { properties: { barks: { type: 'boolean' } } }],
      },
      Cat: {
        'x-discriminator-value': 'cat',
        allOf: [
          { $ref: '#/definitions/Pet' },
          { required: ['lives'], properties: { lives: { type: 'integer', format: 'int32' } } },
        ],
      },
    },
  }
}

const headers = { authorization: 'GenieKey k', 'content-type': 'application/json' }
const post = (body: unknown): string[] =>
  createSpecValidator(tinySpec(), [])
    .validateRequest({ method: 'POST', path: '/pets', query: {}, headers, body })
    .map((v) => `${v.path} ${v.message}`)
const answer = (body: unknown): string[] =>
  createSpecValidator(tinySpec(), [])
    .validateResponse({ method: 'POST', path: '/pets', status: 201, headers, body })
    .map((v) => v.path)

describe('Swagger 2.0 keywords', () => {
  it('dispatches on the discriminator: by definition name, or by x-discriminator-value', () => {
    expect(post({ kind: 'Dog', barks: true })).toEqual([])
    expect(post({ kind: 'cat', lives: 9 })).toEqual([])
    expect(post({ kind: 'cat' })).toEqual(["/body/lives missing required property 'lives'"])
    expect(post({ kind: 'Dog', lives: 9 })).toEqual([
      "/body/lives property 'lives' is not defined by the spec",
    ])
  })

  it('readOnly properties are neither required nor accepted in requests, but required in responses', () => {
    expect(post({ kind: 'Dog', id: 'p-1' })).toEqual([
      "/body/id property 'id' is not defined by the spec",
    ])
    expect(answer({ kind: 'Dog' })).toEqual(['/body/id'])
    expect(answer({ kind: 'Dog', id: 'p-1', extra: 'responses stay open' })).toEqual([])
  })

  it('honours nullable and int32', () => {
    expect(post({ kind: 'Dog', nickname: null })).toEqual([])
    expect(post({ kind: 'cat', lives: 2 ** 31 })).toEqual([
      '/body/lives must match format int32 (got 2147483648)',
    ])
  })
})
