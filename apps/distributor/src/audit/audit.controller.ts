import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, unprocessable, uuidParam } from '@tradelane/platform';
import { AuditService } from './audit.service';
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
  ) {}

  @Get('orders/:orderId/timeline')
  @ApiOperation({
    summary: "The order's story in order: the eight messages and every event, each with actor, time and payload digest",
    description:
      'kind is message (a step of the flow) or event (no step). actor.person is the person who acted, where one did. ' +
      'digest is the sha256 of the payload as canonical JSON (keys sorted). The same rows as CSV: GET …/timeline.csv.',
  })
  timeline(@Param('orderId', orderIdParam) orderId: string) {
    return this.audit.timeline(orderId);
  }

  @Get('orders/:orderId/timeline.csv')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'The timeline as CSV (RFC 4180, header row)',
    description: `Columns: ${TIMELINE_CSV_COLUMNS.join(', ')}.`,
  })
  async timelineCsv(@Param('orderId', orderIdParam) orderId: string, @Res({ passthrough: true }) res: Response) {
    const csv = timelineCsv(await this.audit.timeline(orderId));
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="order-${orderId}-timeline.csv"`);
    return csv;
  }

  @Get('orders/:orderId/verify')
  @ApiOperation({
    summary: "Recomputes the order log's hash chain: intact, or the first broken entry and why",
    description:
      "Each entry's hash is sha256 hex of `<prev_hash or empty>\\n<canonical JSON of {orderId, seq, step, name, sender, receiver, sentAt, payload}>`; " +
      'prev_hash is the hash of entry seq - 1.',
  })
  verify(@Param('orderId', orderIdParam) orderId: string) {
    return this.audit.verify(orderId);
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
