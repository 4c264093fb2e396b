import { condition, defineSignal, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';

/**
 * The benchmark's plain-Temporal arms: the eight steps of an order written the obvious
 * way, one activity per message and one signal per answer, with no business work at all. What
 * Tradelane's real order costs is measured against these.
 */
export interface PlainOrderActivities {
  receivePurchaseOrder(orderId: string): Promise<void>;
  sendStockInquiry(orderId: string): Promise<void>;
  sendShippingInquiry(orderId: string): Promise<void>;
  sendOrderConfirmation(orderId: string): Promise<void>;
  sendTransportNotice(orderId: string): Promise<void>;
  sendDispatchNotice(orderId: string): Promise<void>;
  sendPaymentNotice(orderId: string): Promise<void>;
  applyTransferNotice(orderId: string): Promise<void>;
}

export type PlainAnswer = 'stock-answer' | 'shipping-quote' | 'transport-acceptance' | 'payment' | 'transfer-notice';

/** Each answer a party gives (a person's, or the gateway's transfer notice) arrives as one signal. */
export const plainAnswerSignal = defineSignal<[PlainAnswer]>('answer');

const options = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
} as const;

/** B: every message is a normal activity. */
export async function plainOrderWorkflow(orderId: string): Promise<string> {
  return eightSteps(orderId, proxyActivities<PlainOrderActivities>(options));
}

/** B-LA, the engine's floor: the same steps as local activities. */
export async function plainOrderLocalWorkflow(orderId: string): Promise<string> {
  return eightSteps(orderId, proxyLocalActivities<PlainOrderActivities>(options));
}

async function eightSteps(orderId: string, send: PlainOrderActivities): Promise<string> {
  const answers = new Set<PlainAnswer>();
  setHandler(plainAnswerSignal, (answer) => void answers.add(answer));
  const answered = (answer: PlainAnswer) => condition(() => answers.has(answer));

  await send.receivePurchaseOrder(orderId); // 1
  await send.sendStockInquiry(orderId); // 2
  await answered('stock-answer'); // 3
  await send.sendShippingInquiry(orderId); // 4
  await answered('shipping-quote'); // 5
  await send.sendOrderConfirmation(orderId); // 6, after which the buyer pays
  await send.sendTransportNotice(orderId); // 7
  await answered('transport-acceptance');
  await send.sendDispatchNotice(orderId); // 6, naming the carrier that accepted
  await answered('payment');
  await send.sendPaymentNotice(orderId); // 7
  await answered('transfer-notice'); // 8
  await send.applyTransferNotice(orderId);
  return 'completed';
}
