import { Logger } from '@nestjs/common';

const logger = new Logger('kafka');

/** Routes kafkajs' diagnostics into the courier's log (kafkajs never logs message contents). */
export function courierKafkaLog(level: 'error' | 'warn' | 'info' | 'debug', message: string): void {
  if (level === 'error') logger.error(message);
  else if (level === 'warn') logger.warn(message);
  else if (level === 'info') logger.log(message);
  else logger.debug(message);
}
