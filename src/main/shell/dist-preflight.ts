import { releaseFeedProblem } from './update-feed'

/** Run by `npm run dist:*` before anything is built: a release without a feed could never update. */
const problem = releaseFeedProblem(process.env['ONDECK_UPDATE_URL'])
if (problem !== undefined) {
  process.stderr.write(`dist: ${problem}\n`)
  process.exit(1)
}
process.stdout.write(`dist: update feed ${process.env['ONDECK_UPDATE_URL']?.trim()}\n`)
