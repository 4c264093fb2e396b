import { isUUID } from 'class-validator';
import { In, type FindOptionsOrder, type FindOptionsWhere, type ObjectLiteral, type Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Reminder } from '@tradelane/contracts';
import { mustSee } from '../auth/ownership';
import type { Caller } from '../auth/roles';
import { receiveOnce } from '../database/receive-once';
import { notFound } from '../http/problem';

/** What every message from the order keeps in a party's inbox: where it stands, when it came, when it was last reminded. */
export interface InboxMessage extends ObjectLiteral {
  status: string;
  receivedAt: Date;
  remindedAt: Date | null;
}

type KeyOf<T, V> = { [K in keyof T & string]: T[K] extends V ? K : never }[keyof T & string];

export interface InboxShape<T extends InboxMessage> {
  /** What one message is called in a problem: 'stock inquiry'. */
  noun: string;
  /** The message's id; a uuid column. */
  id: KeyOf<T, string>;
  /** The party the message is addressed to, the only one that may read it (besides auditors and operators). */
  addressee: KeyOf<T, string>;
  /** Where the deadline of the last reminder is kept. */
  deadline: KeyOf<T, Date | null>;
  /** A reminder is kept only while the message is in this status. */
  remindWhile?: T['status'];
  /** A reminder for anything else names nothing in this inbox. */
  remindFor?: Reminder['waitingFor'];
}

/**
 * A party's inbox of one kind of message from the order (stock inquiries, shipping inquiries,
 * transport notices): its addressee reads its own; the order reminds it and withdraws or
 * cancels what it no longer needs.
 */
export class PartyInbox<T extends InboxMessage> {
  constructor(
    private readonly box: Repository<T>,
    private readonly shape: InboxShape<T>,
  ) {}

  /**
   * A message arrives from the order and is kept, open, once: a redelivery (a retried activity)
   * writes nothing and finds the first, with whatever has happened to it since.
   */
  protected arrived(id: string, fields: QueryDeepPartialEntity<T>): Promise<T> {
    const values = { ...fields, [this.shape.id]: id, status: 'open', receivedAt: new Date() };
    return receiveOnce(this.box, values as QueryDeepPartialEntity<T>, this.byId(id));
  }

  /** With a caller, a message addressed to another party is not found either. */
  async get(id: string, caller?: Caller): Promise<T> {
    const record = await this.box.findOneBy(this.byId(id));
    if (!record) throw notFound(this.shape.noun, id);
    if (caller) mustSee(caller, String(record[this.shape.addressee]), this.shape.noun, id);
    return record;
  }

  list(filter: { addressee?: string; status?: T['status'] }): Promise<T[]> {
    const where: Record<string, string> = {};
    if (filter.addressee) where[this.shape.addressee] = filter.addressee;
    if (filter.status) where.status = filter.status;
    return this.box.find({
      where: where as FindOptionsWhere<T>,
      order: { receivedAt: 'ASC' } as FindOptionsOrder<T>,
      take: 500,
    });
  }

  /**
   * Keeps the order's reminder, and until when it waits, on the message it names; false when it
   * names none here. The deadline is the key: the same reminder again keeps the first reminder
   * time; a new deadline replaces the old.
   */
  async remind(reminder: Reminder): Promise<boolean> {
    const { remindFor, remindWhile } = this.shape;
    if (remindFor && reminder.waitingFor !== remindFor) return false;
    if (!isUUID(reminder.subjectId)) return false;
    if (!(await this.box.existsBy(this.byId(reminder.subjectId)))) return false;
    const deadline = new Date(reminder.deadline);
    const remindedAt: keyof T = 'remindedAt';
    const change: Partial<Record<keyof T, Date>> = {};
    change[remindedAt] = new Date();
    change[this.shape.deadline] = deadline;
    const update = this.box
      .createQueryBuilder()
      .update()
      .set(change as QueryDeepPartialEntity<T>)
      .where(`${this.column(this.shape.id)} = :id AND ${this.column(this.shape.deadline)} IS DISTINCT FROM :deadline`, {
        id: reminder.subjectId,
        deadline,
      });
    if (remindWhile) update.andWhere('status = :status', { status: remindWhile });
    await update.execute();
    return true;
  }

  /**
   * Closes the message if it is still in one of the statuses `from`, with `change`; a second
   * call changes nothing. Ids are uuid columns: anything else names nothing here, and must not
   * fail (and retry) the activity; an unknown id may be a message that never arrived.
   */
  async close(id: string, from: T['status'][], change: QueryDeepPartialEntity<T>): Promise<void> {
    if (!isUUID(id)) return;
    await this.box.update({ ...this.byId(id), status: In(from) }, change);
  }

  private byId(id: string): FindOptionsWhere<T> {
    return { [this.shape.id]: id } as FindOptionsWhere<T>;
  }

  private column(property: string): string {
    const column = this.box.metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${this.shape.noun}: no column for ${property}`);
    return column.databaseName;
  }
}
