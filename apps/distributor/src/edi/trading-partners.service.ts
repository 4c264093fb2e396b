import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { Repository } from 'typeorm';
import { notFound, unprocessable, type FieldProblem } from '@tradelane/platform';
import { OrganisationRecord } from '../identity/organisation.entity';
import type { TradingPartnerDto, TradingPartnerView } from './dto/trading-partner.dto';
import { VERSIONS, type OutboundKind } from './edi-kinds';
import { TradingPartnerRecord } from './entities/trading-partner.entity';
import { pushAllowed, pushHosts } from './push-hosts';
import { sealSecret } from './shared-secret';

/** What each kind of party may be sent: a buyer the order's documents, a supplier and a carrier their inquiry and tender (X12 only). */
const WANTED_BY_ROLE: Record<string, OutboundKind[]> = {
  buyer: ['acknowledgment', 'order-confirmation', 'ship-notice', 'invoice'],
  supplier: ['acknowledgment', 'stock-inquiry'],
  carrier: ['acknowledgment', 'load-tender'],
};

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

@Injectable()
export class TradingPartnersService {
  constructor(
    @InjectRepository(TradingPartnerRecord) private readonly partners: Repository<TradingPartnerRecord>,
    @InjectRepository(OrganisationRecord) private readonly organisations: Repository<OrganisationRecord>,
  ) {}

  async set(organisationId: string, dto: TradingPartnerDto): Promise<TradingPartnerView> {
    const organisation = await this.organisations.findOneBy({ id: organisationId });
    if (!organisation) throw notFound('organisation', organisationId);
    const earlier = await this.partners.findOneBy({ organisationId });
    const problems = this.problemsOf(dto, organisation.role, earlier);
    if (problems.length > 0) throw unprocessable(problems);
    const identities: Record<string, string> =
      dto.standard === 'x12'
        ? { ...dto.x12! }
        : dto.standard === 'edifact'
          ? { ...dto.edifact! }
          : { domain: dto.cxml!.domain, identity: dto.cxml!.identity };
    const now = new Date();
    const row: TradingPartnerRecord = {
      organisationId,
      standard: dto.standard,
      version: dto.version,
      identities,
      separators: dto.separators ? { ...dto.separators } : null,
      documents: [...new Set(dto.documents)],
      pushUrl: dto.pushUrl ?? null,
      cxmlSharedSecret:
        dto.standard === 'cxml' ? (dto.cxml!.sharedSecret ? sealSecret(dto.cxml!.sharedSecret) : earlier!.cxmlSharedSecret) : null,
      createdAt: earlier?.createdAt ?? now,
      updatedAt: now,
    };
    await this.partners.upsert(row, ['organisationId']);
    return viewOf(row);
  }

  async get(organisationId: string): Promise<TradingPartnerView> {
    return viewOf(await this.find(organisationId));
  }

  async list(): Promise<TradingPartnerView[]> {
    return (await this.partners.find({ order: { organisationId: 'ASC' } })).map(viewOf);
  }

  async find(organisationId: string): Promise<TradingPartnerRecord> {
    const row = await this.partners.findOneBy({ organisationId });
    if (!row) throw notFound('trading-partner profile', organisationId);
    return row;
  }

  findOptional(organisationId: string): Promise<TradingPartnerRecord | null> {
    return this.partners.findOneBy({ organisationId });
  }

  private problemsOf(dto: TradingPartnerDto, role: string, earlier: TradingPartnerRecord | null): FieldProblem[] {
    const problems: FieldProblem[] = [];
    if (!VERSIONS[dto.standard].test(dto.version)) problems.push({ field: 'version', message: `is not a version of ${dto.standard} spoken here` });
    if (!dto[dto.standard]) problems.push({ field: dto.standard, message: `is required for standard ${dto.standard}` });
    for (const other of ['x12', 'edifact', 'cxml'] as const) {
      if (other !== dto.standard && dto[other] !== undefined) problems.push({ field: other, message: `must not be given for standard ${dto.standard}` });
    }
    if (dto.standard === 'cxml' && dto.cxml && !dto.cxml.sharedSecret && !earlier?.cxmlSharedSecret) {
      problems.push({ field: 'cxml.sharedSecret', message: 'is required when the profile is first set' });
    }
    if (dto.standard === 'cxml' && dto.separators) problems.push({ field: 'separators', message: 'cXML has no separators' });
    if (dto.pushUrl !== undefined && !pushAllowed(dto.pushUrl)) {
      problems.push({ field: 'pushUrl', message: `must be on a host documents may be pushed to (EDI_PUSH_HOSTS: ${pushHosts().join(', ')})` });
    }
    if (dto.separators?.repetition && !(dto.standard === 'x12' && dto.version === '005010')) {
      problems.push({ field: 'separators.repetition', message: 'only X12 005010 has a repetition separator' });
    }
    const allowed = WANTED_BY_ROLE[role];
    if (!allowed) {
      problems.push({ field: 'organisationId', message: `a ${role} exchanges no documents` });
    } else {
      const refused = dto.documents.filter((d) => !allowed.includes(d));
      if (refused.length > 0) problems.push({ field: 'documents', message: `a ${role} is not sent ${refused.join(', ')}` });
      if (role !== 'buyer' && dto.standard !== 'x12') problems.push({ field: 'standard', message: `a ${role} exchanges X12 only` });
    }
    return problems;
  }
}

function viewOf(row: TradingPartnerRecord): TradingPartnerView {
  const ids = row.identities;
  return {
    organisationId: row.organisationId,
    standard: row.standard,
    version: row.version,
    ...(row.standard === 'x12' ? { x12: { isaQualifier: ids.isaQualifier, isaId: ids.isaId, gsId: ids.gsId, ...(ids.scac ? { scac: ids.scac } : {}) } } : {}),
    ...(row.standard === 'edifact' ? { edifact: { unbId: ids.unbId, ...(ids.unbQualifier ? { unbQualifier: ids.unbQualifier } : {}) } } : {}),
    ...(row.standard === 'cxml' ? { cxml: { domain: ids.domain, identity: ids.identity, hasSharedSecret: row.cxmlSharedSecret !== null } } : {}),
    separators: row.separators,
    documents: row.documents,
    pushUrl: row.pushUrl,
    updatedAt: row.updatedAt,
  };
}
