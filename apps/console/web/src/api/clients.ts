import createClient from 'openapi-fetch';
import type { paths as BuyerPaths } from './generated/buyer';
import type { paths as CarrierPaths } from './generated/carrier';
import type { paths as DistributorPaths } from './generated/distributor';
import type { paths as PaymentGatewayPaths } from './generated/payment-gateway';
import type { paths as SupplierPaths } from './generated/supplier';
import { sessionMiddleware } from './http';
import { ApiError, toProblem } from './problem';

function client<Paths extends object>(service: string) {
  const api = createClient<Paths>({ baseUrl: `/api/${service}`, credentials: 'same-origin' });
  api.use(sessionMiddleware);
  return api;
}

export const buyerApi = client<BuyerPaths>('buyer');
export const distributorApi = client<DistributorPaths>('distributor');
export const supplierApi = client<SupplierPaths>('supplier');
export const carrierApi = client<CarrierPaths>('carrier');
export const paymentGatewayApi = client<PaymentGatewayPaths>('payment-gateway');

/**
 * The body of a successful call, or an ApiError carrying the problem. Many of the services'
 * answers are untyped in their documents (the order view comes from the workflow), so the caller
 * names what it reads; the shapes are in ./types.
 */
export async function body<T>(call: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(response.status, toProblem(response.status, error, response.statusText));
  return data as T;
}
