import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import type { Request } from 'express';
import { tap, type Observable } from 'rxjs';
import { CALLER } from '../../auth/decorators';
import type { Caller } from '../../auth/roles';
import { bindLogContext, orderFields } from './log-context';

type Routed = Request & { [CALLER]?: Caller; route?: { path?: string } };

/**
 * Runs after the guard: binds who calls (from the verified token, never the body) and which
 * order the request is about (`:orderId`, a webhook body's orderId, or the answer naming a new one), and names the
 * request's span after its route.
 */
export class CallerLogContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Routed>();
    const caller = req[CALLER];
    if (caller) bindLogContext({ organisationId: caller.organisationId, personId: caller.personId, actor: caller.actor });
    const orderId = stringOf(req.params?.orderId) ?? stringOf((req.body as { orderId?: unknown } | undefined)?.orderId);
    if (orderId) bindLogContext(orderFields(`order:${orderId}`));
    const route = req.route?.path;
    if (route) trace.getActiveSpan()?.updateName(`${req.method} ${route}`);
    return next.handle().pipe(
      tap((answer) => {
        const learned = stringOf((answer as { orderId?: unknown } | null | undefined)?.orderId);
        if (learned) bindLogContext(orderFields(`order:${learned}`));
      }),
    );
  }
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : undefined;
}
