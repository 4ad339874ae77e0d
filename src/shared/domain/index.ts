export * from './severity'
export * from './responder'
export * from './entities'
export * from './activity'
