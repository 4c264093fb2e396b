import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { finalize, type Observable } from 'rxjs';
import { IntakeAdmission, IntakeBusy } from './intake-admission';

/** Holds a place of the intake for the whole request, upload and checks included; a refusal carries its Retry-After. */
@Injectable()
export class IntakeAdmissionInterceptor implements NestInterceptor {
  constructor(@Inject(IntakeAdmission) private readonly admission: IntakeAdmission) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    let release: () => void;
    try {
      release = await this.admission.admit();
    } catch (error) {
      if (error instanceof IntakeBusy) context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
    return next.handle().pipe(finalize(release));
  }
}
