import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ProblemException, signInConfig } from '@tradelane/platform';
import { AccountLocked } from './account-locked';
import type { SignedInDto } from './dto/sign-in.dto';
import { afterRightPassword, afterWrongPassword, lockedUntil, retryAfterSeconds } from './lock-out';
import { passwordMatches } from './password';
import { PersonRecord } from './person.entity';
import { SessionsService } from './sessions.service';

/** One text for an unknown e-mail and a wrong password, so the answer tells neither. */
const refused = () => new ProblemException(401, 'unauthenticated', 'Unauthorized', 'the e-mail or the password is wrong');

const locked = (until: Date) => new AccountLocked(until, retryAfterSeconds(until, new Date()));

/** Sign-in with e-mail and password, with the lock-out after wrong passwords in a row. */
@Injectable()
export class PasswordSignInService {
  private readonly logger = new Logger('Identity');
  private readonly rule = signInConfig().lockOut;

  constructor(
    @InjectRepository(PersonRecord) private readonly people: Repository<PersonRecord>,
    private readonly sessions: SessionsService,
  ) {}

  async signIn(email: string, password: string): Promise<SignedInDto> {
    const person = await this.people.findOneBy({ email: email.trim().toLowerCase() });
    const before = person && lockedUntil(person, new Date());
    if (before) throw locked(before);
    const right = await passwordMatches(person?.passwordHash, password);
    if (!person) throw refused();
    // The count changes under a row lock, so guesses sent in parallel cannot pass the limit.
    const outcome = await this.people.manager.transaction(async (tx) => {
      const current = await tx.findOne(PersonRecord, { where: { id: person.id }, lock: { mode: 'pessimistic_write' } });
      if (!current) return { refused: true } as const;
      const now = new Date();
      const until = lockedUntil(current, now);
      if (until) return { lockedUntil: until } as const;
      const next = right ? afterRightPassword() : afterWrongPassword(current, this.rule, now);
      await tx.update(PersonRecord, { id: current.id }, next);
      return { right, lockedNow: !right && next.lockedUntil !== null } as const;
    });
    if ('lockedUntil' in outcome && outcome.lockedUntil) throw locked(outcome.lockedUntil);
    if ('refused' in outcome || !outcome.right) {
      if ('lockedNow' in outcome && outcome.lockedNow) {
        this.logger.warn(`${person.email} (${person.organisationId}) locked for ${this.rule.seconds} s after ${this.rule.attempts} wrong passwords`);
      }
      throw refused();
    }
    return this.sessions.start(person, 'password');
  }
}
