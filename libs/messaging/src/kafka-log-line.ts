/**
 * One line for a kafkajs diagnostic, with what kafkajs gives beside its message: where (topic, partition, offset)
 * and why (the error's class, code and message). kafkajs' own "Error when calling eachBatch" otherwise says nothing
 * of the handler's error. No record content is in either: kafkajs never passes it, and the services' errors name
 * positions and reasons, never a person.
 */
export function kafkaLogLine(message: string, extra: Record<string, unknown> = {}): string {
  const where = typeof extra['topic'] === 'string' ? ` at ${extra['topic']}/${String(extra['partition'] ?? '?')}` : '';
  const offset = extra['offset'] === undefined ? '' : `@${String(extra['offset'])}`;
  const reason = reasonOf(extra['error']);
  return `${message}${where}${where ? offset : ''}${reason ? `: ${reason}` : ''}`;
}

function reasonOf(error: unknown): string | undefined {
  if (error === undefined || error === null) return undefined;
  if (typeof error === 'string') return error.slice(0, 500);
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const codeText = typeof code === 'string' || typeof code === 'number' ? ` [${code}]` : '';
    return `${error.name}${codeText}: ${error.message}`.slice(0, 500);
  }
  return undefined;
}
