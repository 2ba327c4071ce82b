import { Logger } from '@nestjs/common';
import { kafkaLogLine } from '@enlace/messaging';

const logger = new Logger('kafka');

/** Routes kafkajs' diagnostics into the courier's log (kafkajs never logs message contents). */
export function courierKafkaLog(
  level: 'error' | 'warn' | 'info' | 'debug',
  message: string,
  extra: Record<string, unknown> = {},
): void {
  if (level === 'error') logger.error(kafkaLogLine(message, extra));
  else if (level === 'warn') logger.warn(kafkaLogLine(message, extra));
  else if (level === 'info') logger.log(message);
  else logger.debug(message);
}
