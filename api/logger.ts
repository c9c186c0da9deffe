// The server's log: JSON lines for a log collector, or readable lines for a person when standard
// output is a terminal (pino-pretty), so `npm start` speaks to the colleague who typed it.
import { type Logger, pino } from 'pino';
import pretty from 'pino-pretty';

export function createLogger(level: string, terminal = process.stdout.isTTY === true): Logger {
  if (!terminal) return pino({ level });
  return pino({ level }, pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', singleLine: true }));
}
