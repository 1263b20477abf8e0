import pino, { type Logger } from 'pino';
import { getConfig } from './config.ts';

export type { Logger };

let root: Logger | undefined;

export function createLogger(options: { level: string; format: 'json' | 'pretty' }): Logger {
  if (options.format === 'pretty') {
    return pino({
      level: options.level,
      transport: { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname' } },
    });
  }
  return pino({ level: options.level });
}

export function getLogger(): Logger {
  if (!root) {
    const config = getConfig();
    root = createLogger({ level: config.logLevel, format: config.logFormat });
  }
  return root;
}

/** Tests and the CLI can silence or capture logs by installing their own logger. */
export function setLogger(logger: Logger): void {
  root = logger;
}
