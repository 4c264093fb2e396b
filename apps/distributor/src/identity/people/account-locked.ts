import { HttpException } from '@nestjs/common';
import { PROBLEM_TYPE_BASE } from '@tradelane/platform';

/** 423 problem with when the account opens (`lockedUntil`); the controller sends Retry-After from it. */
export class AccountLocked extends HttpException {
  constructor(
    readonly lockedUntil: Date,
    readonly retryAfterSeconds: number,
  ) {
    super(
      {
        type: `${PROBLEM_TYPE_BASE}account-locked`,
        title: 'Account locked',
        status: 423,
        detail: `too many wrong passwords; the account opens at ${lockedUntil.toISOString()} (retry after ${retryAfterSeconds} s)`,
        lockedUntil: lockedUntil.toISOString(),
      },
      423,
    );
  }
}
