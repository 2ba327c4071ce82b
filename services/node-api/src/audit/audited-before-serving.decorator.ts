import { SetMetadata } from '@nestjs/common';

export const AUDITED_BEFORE_SERVING = Symbol('auditedBeforeServing');

/**
 * On a route that serves personal data: its audit record is committed before the answer leaves, and when it cannot
 * be, the answer is 503 and nothing is served (fail closed). Other reads are recorded once answered.
 */
export const AuditedBeforeServing = (): MethodDecorator => SetMetadata(AUDITED_BEFORE_SERVING, true);
