import { Body, Controller, Headers, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentCaller, ProblemException, Roles, type Caller } from '@tradelane/platform';
import { CsvUploadInterceptor, type UploadedCsv } from './csv/csv-upload.interceptor';
import { readPurchaseOrderCsv } from './csv/purchase-order-csv';
import { PurchaseOrderDto, PurchaseOrderTermsDto, type PurchaseOrderInput, type PurchaseOrderTerms } from './dto/purchase-order.dto';
import { IDEMPOTENCY_KEY_HEADER } from './idempotency-key';
import { IntakeAdmissionInterceptor } from './intake-admission.interceptor';
import { MAX_CSV_BYTES, MAX_LINES_PER_ORDER } from './intake-limits';
import { PurchaseOrderPipe, PurchaseOrderTermsPipe } from './purchase-order.pipes';
import { PurchaseOrdersService, type SubmittedOrder } from './purchase-orders.service';

const idempotencyHeader = {
  name: IDEMPOTENCY_KEY_HEADER,
  required: false,
  description: 'Same as idempotencyKey in the body; if both are given they must agree',
};

const unavailable =
  'PostgreSQL or Temporal cannot be reached (problem type dependency-unavailable, `dependency` names which; Retry-After): ' +
  'nothing is kept or started, and the same request may be sent again';

@ApiTags('purchase orders')
@ApiExtraModels(PurchaseOrderTermsDto)
@Controller('purchase-orders')
@Roles('buyer')
@UseInterceptors(IntakeAdmissionInterceptor)
export class PurchaseOrdersController {
  constructor(private readonly purchaseOrders: PurchaseOrdersService) {}

  @Post()
  @ApiOperation({ summary: `Submit a purchase order (step 1) of up to ${MAX_LINES_PER_ORDER} lines; starts its order workflow` })
  @ApiBody({ type: PurchaseOrderDto })
  @ApiHeader(idempotencyHeader)
  @ApiCreatedResponse({ description: 'The order is taken and its workflow started' })
  @ApiOkResponse({ description: 'The same idempotency key and body came before: the order taken then' })
  @ApiServiceUnavailableResponse({ description: unavailable })
  async submit(
    @Body(PurchaseOrderPipe) order: PurchaseOrderInput,
    @Headers(IDEMPOTENCY_KEY_HEADER) key: string | undefined,
    @Res({ passthrough: true }) res: Response,
    @CurrentCaller() caller: Caller,
  ): Promise<SubmittedOrder> {
    orderingAsSelf(order.buyerId, caller);
    return this.answer(res, await this.purchaseOrders.submit(order, caller.actor, key));
  }

  @Post('csv')
  @ApiOperation({
    summary: 'Submit a purchase order (step 1) with its lines as a CSV file; starts its order workflow',
    description:
      `The file has a header row and the columns sku, quantity and optionally priceCeilingMinor (any case), ` +
      `comma- or semicolon-separated, at most ${MAX_LINES_PER_ORDER} rows and ${MAX_CSV_BYTES} bytes. ` +
      'A file with bad rows is refused as a whole: 422 with `rows` listing each problem by the row number a spreadsheet shows ' +
      '(the header is row 1); nothing is stored or started.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['lines', 'order'],
      properties: {
        lines: { type: 'string', format: 'binary', description: 'CSV file: sku,quantity[,priceCeilingMinor]' },
        order: {
          $ref: getSchemaPath(PurchaseOrderTermsDto),
          description: 'The rest of the order, as JSON text',
          example: {
            buyerId: 'muster-maschinenbau',
            shipTo: { name: 'Muster Maschinenbau GmbH, Goods In', line1: 'Industriestr. 5', city: 'Köln', postalCode: '50667', country: 'DE' },
            wantedBy: '2026-12-15',
            currency: 'EUR',
            partialFill: 'back-order',
            idempotencyKey: 'po-2026-0815',
          },
        },
      },
    },
  })
  @ApiHeader(idempotencyHeader)
  @ApiCreatedResponse({ description: 'The order is taken and its workflow started' })
  @ApiOkResponse({ description: 'The same idempotency key and body came before: the order taken then' })
  @ApiServiceUnavailableResponse({ description: unavailable })
  @UseInterceptors(CsvUploadInterceptor)
  async submitCsv(
    @UploadedFile() file: UploadedCsv | undefined,
    @Body('order', PurchaseOrderTermsPipe) terms: PurchaseOrderTerms,
    @Headers(IDEMPOTENCY_KEY_HEADER) key: string | undefined,
    @Res({ passthrough: true }) res: Response,
    @CurrentCaller() caller: Caller,
  ): Promise<SubmittedOrder> {
    orderingAsSelf(terms.buyerId, caller, 'order.buyerId');
    if (!file) {
      throw new ProblemException(400, 'validation', 'Invalid request', 'lines: a CSV file is required', [
        { field: 'lines', message: 'a CSV file is required' },
      ]);
    }
    return this.answer(res, await this.purchaseOrders.submitCsv(terms, readPurchaseOrderCsv(file.buffer), caller.actor, key));
  }

  private answer(res: Response, submitted: SubmittedOrder): SubmittedOrder {
    res.status(submitted.replayed ? 200 : 201);
    res.location(`/orders/${submitted.orderId}`);
    return submitted;
  }
}

/** A buyer orders in its own name only; the order's buyerId is its organisation id. */
function orderingAsSelf(buyerId: string, caller: Caller, field = 'buyerId'): void {
  if (buyerId === caller.organisationId) return;
  throw new ProblemException(403, 'forbidden', 'Forbidden', `${field} must be your organisation (${caller.organisationId})`, [
    { field, message: `must be ${caller.organisationId}` },
  ]);
}
