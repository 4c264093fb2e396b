import { serviceOfProcess } from './attributes';

describe('the service a process runs', () => {
  it("is OTEL_SERVICE_NAME, else the role of the app's main.js, else none", () => {
    expect(serviceOfProcess({ OTEL_SERVICE_NAME: 'orders-eu' }, '/srv/dist/apps/buyer/src/main.js')).toBe('orders-eu');
    expect(serviceOfProcess({}, '/srv/dist/apps/payment-gateway/src/main.js')).toBe('tradelane-payment-gateway');
    expect(serviceOfProcess({}, '/srv/node_modules/jest/bin/jest.js')).toBeUndefined();
  });
});
