import { pino } from 'pino'

/**
 * One structured (JSON) logger for the server and Payload alike, so every line can be shipped and
 * queried the same way. LOG_LEVEL=debug for more, silent for none.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL || 'info',
  base: { service: 'newsroom' },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: {
    paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token', '*.phone'],
    censor: '[redacted]',
  },
})
