import pino, { type Logger } from 'pino';
import { getConfig } from './config.ts';

export type { Logger };

let root: Logger | undefined;

/** destination 1 is stdout, 2 stderr (the CLI keeps stdout for data). */
export function createLogger(options: {
  level: string;
  format: 'json' | 'pretty';
  destination?: 1 | 2;
}): Logger {
  const destination = options.destination ?? 1;
  if (options.format === 'pretty') {
    return pino({
      level: options.level,
      transport: { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname', destination } },
    });
  }
  return pino({ level: options.level }, pino.destination({ dest: destination, sync: true }));
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
