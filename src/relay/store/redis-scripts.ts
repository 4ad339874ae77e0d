/**
 * Lua run inside Redis, so each step is atomic across every relay instance: no two instances can
 * interleave between taking an id and adding the entry, which is what keeps stream order equal to
 * id order (XADD refuses an id below the stream's last, so the script would fail loudly, never
 * reorder). Standalone Redis or a primary with replicas; dedup keys are built inside the script,
 * so Redis Cluster is not supported.
 */

/** Bytes counted per entry on top of its fields: what `size()` approximates (see docs/relay.md). */
export const ENTRY_OVERHEAD_BYTES = 32

/** One stream entry's field values in the order written; `r` must come first (see PRUNE). */
export const FIELDS = ['r', 'a', 'i', 'k', 'p', 'd'] as const

const ENTRY_SIZE = `
local function entry_size(id, fields)
  local size = ${ENTRY_OVERHEAD_BYTES} + #id
  for _, value in ipairs(fields) do size = size + #value end
  return size
end
`

/**
 * KEYS: seq, events, bytes. ARGV: dedup key prefix, dedup TTL (ms), then per event receivedAt,
 * action, alertId, dedupKey, payload and the SHA-256 of dedupKey, which names the dedup key: a
 * sender's 1 MiB alertId must not become a 1 MiB Redis key that the size cap never sees.
 * Returns id, repeat (0/1) per event.
 */
export const APPEND = `${ENTRY_SIZE}
local out = {}
for b = 3, #ARGV, 6 do
  local id = redis.call('INCR', KEYS[1])
  local fresh = redis.call('SET', ARGV[1] .. ARGV[b + 5], id, 'NX', 'PX', ARGV[2])
  local rep = fresh and '0' or '1'
  local sid = id .. '-0'
  local fields = {'r', ARGV[b], 'a', ARGV[b + 1], 'i', ARGV[b + 2], 'k', ARGV[b + 3], 'p', rep, 'd', ARGV[b + 4]}
  redis.call('XADD', KEYS[2], sid, unpack(fields))
  redis.call('INCRBY', KEYS[3], entry_size(sid, fields))
  out[#out + 1] = id
  out[#out + 1] = tonumber(rep)
end
return out
`

/**
 * KEYS: events, bytes, pruned. ARGV: before (epoch ms), maxBytes (-1: no cap), limit.
 * Removes, oldest first and at most \`limit\`, entries received before \`before\` or while the
 * counted bytes exceed \`maxBytes\`; stops at the first entry that is neither. Returns how many.
 * The limit bounds how long Redis is busy (and how much payload it copies) per call.
 */
export const PRUNE = `${ENTRY_SIZE}
local before = tonumber(ARGV[1])
local max_bytes = tonumber(ARGV[2])
local used = tonumber(redis.call('GET', KEYS[2]) or '0')
local entries = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', ARGV[3])
local freed, removed, last = 0, 0, nil
for _, entry in ipairs(entries) do
  local fields = entry[2]
  local old = tonumber(fields[2]) < before
  local over = max_bytes >= 0 and used - freed > max_bytes
  if not (old or over) then break end
  freed = freed + entry_size(entry[1], fields)
  removed = removed + 1
  last = tonumber(string.match(entry[1], '^(%d+)'))
end
if last == nil then return 0 end
redis.call('XTRIM', KEYS[1], 'MINID', (last + 1) .. '-0')
redis.call('DECRBY', KEYS[2], freed)
local pruned = tonumber(redis.call('GET', KEYS[3]) or '0')
if last > pruned then redis.call('SET', KEYS[3], last) end
return removed
`
