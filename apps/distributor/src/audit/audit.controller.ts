import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, unprocessable, uuidParam } from '@tradelane/platform';
import { AuditService } from './audit.service';
import { CHECKPOINT_PAGE_LIMIT, CheckpointService } from './checkpoints/checkpoint.service';
import { CheckpointPageDto } from './dto/checkpoint-page.dto';
import { ReplayWindowDto } from './dto/replay-window.dto';
import { TIMELINE_CSV_COLUMNS, timelineCsv } from './timeline';
import { REPLAY_WINDOW_LIMIT, WorkflowReplayService } from './workflow-replay.service';

const orderIdParam = uuidParam('orderId');

/** Read-only: an auditor changes nothing. */
@ApiTags('audit')
@Controller('audit')
@Roles('auditor')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly replays: WorkflowReplayService,
    private readonly checkpoints: CheckpointService,
  ) {}

  @Get('orders/:orderId/timeline')
  @ApiOperation({
    summary: "The order's story in order: the eight messages, every event and every EDI document in and out, each with actor, time and digest",
    description:
      'kind is message (a step of the flow), event (no step) or document (an EDI document received from or sent to a partner, ' +
      'placed by the time it was stored among the log entries, whose own order is kept). actor.person is the person who acted, where one did. ' +
      'digest is the sha256 of the payload as canonical JSON (keys sorted). coveredBy lists the anchors kept outside the ' +
      "log's table that vouch for the entry: `history` (a head the order workflow's Temporal history recorded at or after it) " +
      'and `checkpoint:<sequence>` (the first signed checkpoint holding it); empty while not yet anchored, or when the anchor ' +
      'disagrees. A document has seq and step null; document holds its id, direction, standard, version, documentType, the ' +
      'control numbers, status, reason and inReplyTo; its digest is the sha256 hex of the raw document as stored, which ' +
      'GET /edi/documents/{id} answers. Documents are not part of the order log\'s hash chain: their coveredBy is always empty, ' +
      'as nothing outside their table anchors them yet. The same rows as CSV: GET …/timeline.csv.',
  })
  timeline(@Param('orderId', orderIdParam) orderId: string) {
    return this.audit.timeline(orderId);
  }

  @Get('orders/:orderId/timeline.csv')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'The timeline as CSV (RFC 4180, header row)',
    description:
      `Columns: ${TIMELINE_CSV_COLUMNS.join(', ')}; coveredBy holds the anchors separated by spaces. ` +
      'A document row has no seq or step, kind document, name its standard and type (X12 850), and its direction, version, ' +
      'control numbers, status and document id in summary.',
  })
  async timelineCsv(@Param('orderId', orderIdParam) orderId: string, @Res({ passthrough: true }) res: Response) {
    const csv = timelineCsv(await this.audit.timeline(orderId));
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="order-${orderId}-timeline.csv"`);
    return csv;
  }

  @Get('orders/:orderId/verify')
  @ApiOperation({
    summary: "Checks the order log's hash chain against anchors kept outside its table: intact, or the first thing that does not hold",
    description:
      "Each entry's hash is sha256 hex of `<prev_hash or empty>\\n<canonical JSON of {orderId, seq, step, name, sender, receiver, sentAt, payload}>`; " +
      'prev_hash is the hash of entry seq - 1. The chain alone can be recomputed by whoever can write the table, so it is also ' +
      "checked against two anchors: the log's head after each write, which the order workflow's Temporal history keeps " +
      '(anchors.history: checked, unavailable when the history is gone or Temporal does not answer, or disagrees; heads, ' +
      'lastAnchoredSeq, unanchoredWrites for writes made before heads were recorded), and the signed checkpoints ' +
      '(anchors.checkpoints: checked, none, unavailable, disagrees, or broken when the checkpoints themselves do not hold; ' +
      'latest: the latest checkpoint holding this order and its seq). firstBroken names the anchor that disagrees ' +
      '(chain, history or checkpoint) and why; its seq is 0 when it is the checkpoints themselves.',
  })
  verify(@Param('orderId', orderIdParam) orderId: string) {
    return this.audit.verify(orderId);
  }

  @Get('orders/:orderId/bundle')
  @ApiOperation({
    summary: "The order's log with the signed checkpoints that cover it, for verifying offline",
    description:
      '{ format, orderId, exportedAt, entries (with prevHash and hash), checkpoints (contiguous, from the first holding this ' +
      'order to the latest), publicKeys (JWK, for reference: verify with a key you hold) }. ' +
      '`node infra/scripts/verify-offline.mjs --public-key <pem or jwk> <bundle>` checks it with no network and no database.',
  })
  async bundle(@Param('orderId', orderIdParam) orderId: string, @Res({ passthrough: true }) res: Response) {
    const bundle = await this.audit.bundle(orderId);
    res.setHeader('Content-Disposition', `attachment; filename="order-${orderId}-log.json"`);
    return bundle;
  }

  @Get('checkpoints')
  @ApiOperation({
    summary: 'The signed checkpoints over the order logs, oldest first, and the public keys that verify them',
    description:
      `Pages of at most ${CHECKPOINT_PAGE_LIMIT} by sequence: ask again with after = next until next is null. Each checkpoint is ` +
      '{ sequence, createdAt, previousDigest, keyId, heads: [{ orderId, seq, hash }], digest, signature }: digest is sha256 hex ' +
      'of the canonical JSON of { sequence, createdAt, previousDigest, keyId, heads }, signature Ed25519 over the same bytes ' +
      '(base64url), by the key of publicKeys[] with that kid; previousDigest is the digest of checkpoint sequence - 1.',
  })
  @ApiOkResponse({ description: '{ checkpoints[], publicKeys[] (JWK), next (sequence to ask after, or null) }' })
  async checkpointPage(@Query() page: CheckpointPageDto) {
    const limit = page.limit ?? CHECKPOINT_PAGE_LIMIT;
    const checkpoints = await this.checkpoints.page(page.after ?? 0, limit);
    return {
      checkpoints,
      publicKeys: this.checkpoints.publicKeys(),
      next: checkpoints.length === limit ? checkpoints[checkpoints.length - 1].sequence : null,
    };
  }

  @Get('orders/:orderId/history')
  @Header('Content-Type', 'application/json')
  @ApiOperation({ summary: "The Temporal event history of the order's workflow, as a JSON download" })
  async history(@Param('orderId', orderIdParam) orderId: string, @Res({ passthrough: true }) res: Response) {
    await this.audit.mustExist(orderId);
    const json = await this.replays.historyJson(orderId);
    res.setHeader('Content-Disposition', `attachment; filename="order-${orderId}-history.json"`);
    return json;
  }

  @Get('orders/:orderId/replay')
  @ApiOperation({
    summary: "Replays the order's workflow history against the workflow code deployed now",
    description: 'verdict replayed, or diverged with the first divergence and why (the SDK replay error).',
  })
  async replay(@Param('orderId', orderIdParam) orderId: string) {
    await this.audit.mustExist(orderId);
    return this.replays.replay(orderId);
  }

  @Get('replays')
  @ApiOperation({
    summary: `Replays every order workflow that closed in the window (at most ${REPLAY_WINDOW_LIMIT}, oldest first) against the code deployed now`,
    description: 'One verdict per order; truncated says whether more closed in the window than were replayed.',
  })
  @ApiOkResponse({ description: '{ closedAfter, closedBefore, limit, truncated, replayed, diverged, verdicts[] }' })
  replayWindow(@Query() window: ReplayWindowDto) {
    const after = new Date(window.closedAfter);
    const before = new Date(window.closedBefore);
    if (after.getTime() > before.getTime()) {
      // Both instants are well-formed, so this is not a 400: the window itself cannot be replayed.
      throw unprocessable([{ field: 'closedBefore', message: 'must not be before closedAfter' }]);
    }
    return this.replays.replayWindow(after, before);
  }
}
